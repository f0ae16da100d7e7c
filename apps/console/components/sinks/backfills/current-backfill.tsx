import { AdminOnly } from '@/components/access/admin-only';
import { RelativeTime } from '@/components/ui/relative-time';
import type { Backfill } from '@/lib/client/api-types';
import { BackfillControls } from './backfill-controls';
import { BackfillProgress } from './backfill-progress';
import { BackfillStateBadge } from './backfill-state-badge';

/** The backfill under way (or the last one, when it failed and may be retried). */
export function CurrentBackfill({ sinkId, backfill }: { sinkId: string; backfill: Backfill }) {
  return (
    <div
      className="space-y-3 rounded-md border border-slate-200 p-3"
      data-testid="current-backfill"
      data-state={backfill.state}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <BackfillStateBadge state={backfill.state} />
          <span>
            started by <span data-testid="backfill-created-by">{backfill.createdBy}</span>{' '}
            <RelativeTime value={backfill.startedAt} />
          </span>
        </p>
        <AdminOnly>
          <BackfillControls sinkId={sinkId} backfill={backfill} />
        </AdminOnly>
      </div>
      <BackfillProgress backfill={backfill} />
      {backfill.lastError && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="backfill-error">
          {backfill.lastError}
        </p>
      )}
    </div>
  );
}
