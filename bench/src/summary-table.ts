import { type Ceiling, type MachineCeilings, relativeFigure } from './ceilings';
import { fmt } from './format';

/** A bound a result must meet: at least or at most `value`, in the result's unit. */
export interface Target {
  kind: 'at least' | 'at most';
  value: number;
  unit: string;
  digits?: number;
}

export interface SummaryRow {
  /** What was run, e.g. "capture: steady 5,000 rows/s". */
  run: string;
  /** What was measured, e.g. "COMMIT→acknowledged p99". */
  measure: string;
  value: number;
  unit: string;
  digits?: number;
  /**
   * The run stopped before the result was reached (a drain that had not finished by its
   * deadline): the real result is more than `value`.
   */
  lowerBound?: boolean;
  target?: Target;
  /**
   * What the result is put beside: one of this machine's ceilings (`table.ceilings`), or the
   * limit that binds the run (a simulated stream's capacity). Ratios of two results of the same
   * run, and memory, have none.
   */
  compareWith?: Ceiling;
  /** The engine's peak resident memory during the run, when the run had an engine. */
  peakMiB?: number;
}

/** Whether a row meets its target; a lower bound cannot show an "at most" target met. */
export function meetsTarget(row: Pick<SummaryRow, 'value' | 'lowerBound'>, target: Target): boolean {
  if (target.kind === 'at least') return row.value >= target.value;
  return !row.lowerBound && row.value <= target.value;
}

/** The result cell: "29,180 msg/s", or "> 90 s" for a lower bound. */
export function formatResult(row: Pick<SummaryRow, 'value' | 'unit' | 'digits' | 'lowerBound'>): string {
  return `${row.lowerBound ? '> ' : ''}${fmt(row.value, row.digits ?? 0)} ${row.unit}`;
}

/**
 * Collects every benchmark's results as they come, and prints them as one Markdown table with
 * each result's share of this machine's ceiling and the targets beside them, so a run answers
 * "are we there?" at a glance. Details of each run (CPU split, lane statistics) are printed as
 * notes under the table.
 */
export class SummaryTable {
  readonly #rows: SummaryRow[] = [];
  readonly #notes: string[] = [];

  /** `ceilings` were measured at the start of this run. */
  constructor(readonly ceilings: MachineCeilings) {}

  add(row: SummaryRow): void {
    this.#rows.push(row);
    // Printed as they come too: a long run shows its progress, and a crash keeps what was done.
    const relative = row.compareWith ? ` (${relativeFigure(row.value, row.compareWith)})` : '';
    console.error(`  ${row.run}: ${row.measure} ${formatResult(row)}${relative}`);
  }

  note(line: string): void {
    this.#notes.push(line);
  }

  /** Rows that have a target and miss it. */
  missed(): SummaryRow[] {
    return this.#rows.filter((row) => row.target && !meetsTarget(row, row.target));
  }

  render(): string[] {
    const lines = [
      '| run | measure | result | against the ceiling | target | met | engine peak RSS |',
      '| --- | --- | ---: | ---: | ---: | :---: | ---: |',
    ];
    for (const row of this.#rows) {
      const target = row.target
        ? `${row.target.kind === 'at least' ? '≥' : '≤'} ${fmt(row.target.value, row.target.digits ?? 0)} ${row.target.unit}`
        : '—';
      const met = row.target ? (meetsTarget(row, row.target) ? 'yes' : '**no**') : '—';
      const relative = row.compareWith
        ? `${row.lowerBound ? '> ' : ''}${relativeFigure(row.value, row.compareWith)}`
        : '—';
      const memory = row.peakMiB === undefined ? '' : `${fmt(row.peakMiB)} MiB`;
      lines.push(
        `| ${row.run} | ${row.measure} | ${formatResult(row)} | ${relative} | ${target} | ${met} | ${memory} |`,
      );
    }
    if (this.#notes.length > 0) lines.push('', ...this.#notes.map((note) => `- ${note}`));
    return lines;
  }
}
