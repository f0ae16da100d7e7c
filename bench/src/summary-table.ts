import { fmt } from './format';

/** A bound a result must meet: at least or at most `value`, in the result's unit. */
export interface Target {
  kind: 'at least' | 'at most';
  value: number;
  unit: string;
}

export interface SummaryRow {
  /** What was run, e.g. "capture: steady 5,000 rows/s". */
  run: string;
  /** What was measured, e.g. "COMMIT→acknowledged p99". */
  measure: string;
  value: number;
  unit: string;
  digits?: number;
  target?: Target;
  /** The engine's peak resident memory during the run, when the run had an engine. */
  peakMiB?: number;
}

const meets = (value: number, target: Target) =>
  target.kind === 'at least' ? value >= target.value : value <= target.value;

/**
 * Collects every benchmark's results as they come, and prints them as one Markdown table with
 * the targets beside them, so a run answers "are we there?" at a glance. Details of each run
 * (CPU split, lane statistics) are printed as notes under the table.
 */
export class SummaryTable {
  readonly #rows: SummaryRow[] = [];
  readonly #notes: string[] = [];

  add(row: SummaryRow): void {
    this.#rows.push(row);
    // Printed as they come too: a long run shows its progress, and a crash keeps what was done.
    console.error(`  ${row.run}: ${row.measure} ${fmt(row.value, row.digits ?? 0)} ${row.unit}`);
  }

  note(line: string): void {
    this.#notes.push(line);
  }

  /** Rows that have a target and miss it. */
  missed(): SummaryRow[] {
    return this.#rows.filter((row) => row.target && !meets(row.value, row.target));
  }

  render(): string[] {
    const lines = [
      '| run | measure | result | target | met | engine peak RSS |',
      '| --- | --- | ---: | ---: | :---: | ---: |',
    ];
    for (const row of this.#rows) {
      const target = row.target
        ? `${row.target.kind === 'at least' ? '≥' : '≤'} ${fmt(row.target.value)} ${row.target.unit}`
        : '—';
      const met = row.target ? (meets(row.value, row.target) ? 'yes' : '**no**') : '—';
      const memory = row.peakMiB === undefined ? '' : `${fmt(row.peakMiB)} MiB`;
      lines.push(
        `| ${row.run} | ${row.measure} | ${fmt(row.value, row.digits ?? 0)} ${row.unit} | ${target} | ${met} | ${memory} |`,
      );
    }
    if (this.#notes.length > 0) lines.push('', ...this.#notes.map((note) => `- ${note}`));
    return lines;
  }
}
