'use client';

import type { AlertFilter } from '../../lib/client/api-types';
import { useAlerts } from '../../lib/client/queries';
import { Button } from '../ui/button';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { AlertRow } from './alert-row';

const HEADINGS = ['Opened', 'State', 'Kind', 'About', 'What'];

/** The alerts the filter matches, newest first, a keyset page at a time. */
export function AlertTable({
  filter,
  testId,
  empty,
}: {
  filter: AlertFilter;
  testId: string;
  empty: string;
}) {
  const query = useAlerts(filter);
  if (query.isPending) return <LoadingState label="Loading alerts…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const alerts = query.data.pages.flatMap((page) => page.alerts);
  if (alerts.length === 0) return <EmptyState title={empty} />;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid={testId}>
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              {HEADINGS.map((heading) => (
                <th key={heading} className="px-3 py-2 font-medium whitespace-nowrap">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {alerts.map((alert) => (
              <AlertRow key={alert.id} alert={alert} />
            ))}
          </tbody>
        </table>
      </div>
      {query.hasNextPage && (
        <Button onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Loading…' : 'Load older'}
        </Button>
      )}
    </div>
  );
}
