'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ErrorState } from '@/components/ui/states';
import type { BulkAction, BulkOperationState } from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';
import { isFinished, queryKeys, useBulkOperation } from '@/lib/client/queries';

const STATE_LABELS: Record<BulkOperationState, string> = {
  queued: 'waiting for an engine to start it…',
  running: 'working…',
  done: 'done',
  failed: 'stopped',
};

const DONE_VERBS: Record<BulkAction, string> = { retry: 'retried', discard: 'discarded', resend: 're-sent' };

/** Polls a bulk operation until it is done, then refreshes the sink's views. */
export function BulkProgress({ sinkId, operationId }: { sinkId: string; operationId: string }) {
  const client = useQueryClient();
  const query = useBulkOperation(sinkId, operationId);
  const operation = query.data?.operation;
  const finished = isFinished(operation);

  useEffect(() => {
    if (finished) client.invalidateQueries({ queryKey: queryKeys.sink(sinkId) });
  }, [finished, client, sinkId]);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (!operation) return <p role="status">Starting…</p>;
  const total = operation.total;
  const percent = finished ? 100 : total > 0 ? Math.min(100, Math.round((operation.done / total) * 100)) : 0;
  const verb = DONE_VERBS[operation.action];
  return (
    <div
      className="space-y-2"
      data-testid="bulk-progress"
      data-state={operation.state}
      data-finished={finished}
    >
      <div
        className="h-2 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="h-full bg-sky-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p role="status">
        {formatNumber(operation.done)} of {formatNumber(total)} {verb} · {STATE_LABELS[operation.state]}
      </p>
      {operation.error && <p className="text-red-700">{operation.error}</p>}
      {operation.state === 'done' && operation.done < total && (
        <p className="text-slate-600">The others were delivered or discarded meanwhile.</p>
      )}
    </div>
  );
}
