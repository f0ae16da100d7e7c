import { DataTable } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import type { Backfill } from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';
import { describeBackfillTable } from './backfill-labels';
import { BackfillStateBadge } from './backfill-state-badge';

const HEADINGS = ['Started by', 'Started', 'Finished', 'Outcome', 'Rows', 'Tables'] as const;

/** Finished backfills, newest first: who started them, when, and how they ended. */
export function PastBackfills({ backfills }: { backfills: Backfill[] }) {
  if (backfills.length === 0) return null;
  return (
    <DataTable headings={HEADINGS} testId="past-backfills">
      {backfills.map((backfill) => (
        <tr key={backfill.id} data-testid="past-backfill" data-state={backfill.state}>
          <td className="px-3 py-2">{backfill.createdBy}</td>
          <td className="px-3 py-2 whitespace-nowrap">
            <RelativeTime value={backfill.startedAt} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <RelativeTime value={backfill.finishedAt} />
          </td>
          <td className="px-3 py-2" title={backfill.lastError ?? undefined}>
            <BackfillStateBadge state={backfill.state} />
          </td>
          <td className="px-3 py-2 tabular-nums" data-testid="past-backfill-rows">
            {formatNumber(backfill.rowsDone)}
          </td>
          <td className="px-3 py-2 text-xs">
            {backfill.tables.map((table) => (
              <code key={`${table.schema}.${table.name}`} className="block">
                {describeBackfillTable(table)}
              </code>
            ))}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
