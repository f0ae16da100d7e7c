'use client';

import { useState } from 'react';
import { AdminOnly } from '@/components/access/admin-only';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState } from '@/components/ui/states';
import type { Backfill, Sink } from '@/lib/client/api-types';
import { useBackfills } from '@/lib/client/queries';
import { CurrentBackfill } from './current-backfill';
import { PastBackfills } from './past-backfills';
import { StartBackfillDialog } from './start-backfill-dialog';

/** The one to show on top: under way, or the newest when it failed (it may be retried). */
function currentOf(backfills: Backfill[]): Backfill | null {
  const newest = backfills[0];
  const unfinished = backfills.find(
    (backfill) => backfill.state === 'running' || backfill.state === 'paused',
  );
  return unfinished ?? (newest?.state === 'failed' ? newest : null);
}

/** The sink's backfills: start one, follow and control the one under way, and the history. */
export function BackfillsSection({ sink }: { sink: Sink }) {
  const [starting, setStarting] = useState(false);
  const query = useBackfills(sink.id);
  const backfills = query.data?.backfills ?? [];
  const current = currentOf(backfills);
  const blocked = current !== null && current.state !== 'failed';
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-label="Backfills"
      data-testid="backfills"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="font-semibold text-slate-900">Backfills</h2>
          <p className="text-xs text-slate-500">Send the rows that already exist in the sink's tables.</p>
        </div>
        {sink.sourceId && (
          <AdminOnly>
            <Button
              onClick={() => setStarting(true)}
              disabled={blocked}
              title={blocked ? 'A backfill is under way: cancel it or wait for it to finish' : undefined}
              data-testid="start-backfill"
            >
              Start backfill
            </Button>
          </AdminOnly>
        )}
      </div>
      {query.isPending && <LoadingState label="Loading backfills…" />}
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {query.isSuccess && backfills.length === 0 && (
        <p className="text-sm text-slate-600" data-testid="no-backfills">
          {sink.sourceId ? 'No backfill yet.' : 'This sink has no source, so it has no rows to backfill.'}
        </p>
      )}
      {current && <CurrentBackfill sinkId={sink.id} backfill={current} />}
      <PastBackfills backfills={backfills.filter((backfill) => backfill !== current)} />
      {starting && <StartBackfillDialog sink={sink} onClose={() => setStarting(false)} />}
    </section>
  );
}
