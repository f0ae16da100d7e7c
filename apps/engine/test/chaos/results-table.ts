import { cpus, totalmem } from 'node:os';
import type { ScenarioResult } from './chaos-scenario';
import type { ChaosSettings } from './chaos-settings';

/** The suite's results as a Markdown table, headed by what ran where, ready for docs/reliability.md. */
export function formatResults(settings: ChaosSettings, results: ScenarioResult[]): string {
  const cores = cpus();
  const header = [
    `Fault suite (${settings.scale}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`,
    `Load: ${settings.transactionsPerSecond} transactions/s of 1–4 row updates over ${settings.groups} groups`,
    '',
  ];
  const columns = [
    'scenario',
    'committed',
    'delivered',
    'missing',
    'out of order',
    'duplicates (after a later change)',
    'recovery (changes behind when the fault ended)',
    'fault',
  ];
  const rows = results.map((result) => [
    result.name,
    String(result.committed),
    String(result.delivered),
    String(result.missing),
    String(result.outOfOrder),
    `${result.duplicates} (${result.duplicatesAfterLater})`,
    Number.isNaN(result.recovery.seconds)
      ? 'never'
      : `${result.recovery.seconds.toFixed(1)} s (${result.recovery.backlog} behind)`,
    result.notes ?? '',
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    ...header,
    line(columns),
    line(columns.map((_, i) => (i === 0 || i === columns.length - 1 ? '---' : '---:'))),
    ...rows.map(line),
  ].join('\n');
}
