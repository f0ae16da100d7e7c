'use client';

import { DataTable } from '@/components/ui/data-table';
import { RelativeTime } from '@/components/ui/relative-time';
import { ErrorState, LoadingState } from '@/components/ui/states';
import type { BulkOperation, BulkOperationState } from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';
import { useBulkOperations } from '@/lib/client/queries';
import { describeFilter } from '../messages/message-states';

const HEADINGS = ['Action', 'Messages', 'Filter', 'Changed', 'State', 'By', 'Queued', 'Finished'] as const;

const ACTION_LABELS: Record<BulkOperation['action'], string> = {
  retry: 'Retry all',
  discard: 'Discard all',
  resend: 'Re-send all',
};

const STATE_LABELS: Record<BulkOperationState, { label: string; className: string }> = {
  queued: { label: 'Queued', className: 'bg-slate-100 text-slate-700 ring-slate-300' },
  running: { label: 'Running', className: 'bg-sky-50 text-sky-800 ring-sky-300' },
  done: { label: 'Done', className: 'bg-green-50 text-green-800 ring-green-300' },
  failed: { label: 'Failed', className: 'bg-red-50 text-red-800 ring-red-300' },
};

/** Which messages an operation applied to: the state asked for, or every one its action takes. */
function describeTarget(operation: BulkOperation): string {
  if (operation.messageState) return operation.messageState;
  switch (operation.action) {
    case 'retry':
      return 'failing';
    case 'discard':
      return 'waiting and failing';
    case 'resend':
      return 'delivered';
    default: {
      const unknown: never = operation.action;
      return String(unknown);
    }
  }
}

/** The sink's recent bulk retries and discards (the API keeps the last 20): what, how many, who, when. */
export function PastBulkOperations({ sinkId }: { sinkId: string }) {
  const query = useBulkOperations(sinkId);
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="bulk-operations-title"
      data-testid="bulk-operations"
    >
      <div>
        <h2 id="bulk-operations-title" className="font-semibold text-slate-900">
          Bulk operations
        </h2>
        <p className="text-xs text-slate-500">
          The latest Retry all, Discard all and Re-send all on this sink, newest first, with who asked and how
          they went.
        </p>
      </div>
      {query.isPending && <LoadingState label="Loading bulk operations…" />}
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {query.isSuccess && query.data.operations.length === 0 && (
        <p className="text-sm text-slate-600" data-testid="no-bulk-operations">
          No bulk operation yet. Retry all, Discard all and Re-send all, on the Messages tab, act on every
          message a filter matches; each one is listed here.
        </p>
      )}
      {query.isSuccess && query.data.operations.length > 0 && (
        <DataTable headings={HEADINGS} testId="bulk-operation-list">
          {query.data.operations.map((operation) => {
            const state = STATE_LABELS[operation.state];
            return (
              <tr key={operation.id} data-testid="bulk-operation" data-state={operation.state}>
                <td className="px-3 py-2 whitespace-nowrap">{ACTION_LABELS[operation.action]}</td>
                <td className="px-3 py-2">{describeTarget(operation)}</td>
                <td className="px-3 py-2 text-xs">{describeFilter(operation.filter)}</td>
                <td className="px-3 py-2 tabular-nums whitespace-nowrap" data-testid="bulk-operation-counts">
                  {formatNumber(operation.done)} of {formatNumber(operation.total)}
                </td>
                <td className="px-3 py-2">
                  <span
                    className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${state.className}`}
                  >
                    {state.label}
                  </span>
                  {operation.error && <p className="mt-1 text-xs text-red-700">{operation.error}</p>}
                </td>
                <td className="px-3 py-2">{operation.createdBy}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <RelativeTime value={operation.createdAt} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <RelativeTime value={operation.finishedAt} fallback="not yet" />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
