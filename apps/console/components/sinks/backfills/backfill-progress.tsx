import type { Backfill } from '@/lib/client/api-types';
import { formatDuration, formatNumber } from '@/lib/client/format';
import { describeBackfillTable, describeRows } from './backfill-labels';

/** How far a backfill has got: a bar against the estimate, the rows sent, the rate and the time left. */
export function BackfillProgress({ backfill }: { backfill: Backfill }) {
  const percent = backfill.percent ?? 0;
  const facts = [
    describeRows(backfill),
    backfill.percent !== null && `${backfill.percent}%`,
    backfill.rowsPerSecond !== null && `${formatNumber(backfill.rowsPerSecond)} rows/s`,
    backfill.secondsLeft !== null &&
      backfill.state === 'running' &&
      `about ${formatDuration(backfill.secondsLeft * 1000)} left`,
  ].filter(Boolean);
  return (
    <div className="space-y-2 text-sm">
      <div
        className="h-2 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label="Rows sent of the estimate"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="backfill-progress"
      >
        <div className="h-full bg-sky-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p data-testid="backfill-rows">{facts.join(' · ')}</p>
      <ul className="space-y-0.5 text-xs text-slate-600">
        {backfill.tables.map((table) => (
          <li key={`${table.schema}.${table.name}`} data-testid="backfill-table">
            <code>{describeBackfillTable(table)}</code>: {formatNumber(table.rowsDone)}
            {table.done
              ? ' rows, done'
              : table.rowsEstimate === null
                ? ' rows'
                : ` of about ${formatNumber(table.rowsEstimate)}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
