'use client';

import type { AlertFilter } from '@/lib/client/api-types';
import { useAlerts } from '@/lib/client/queries';
import { Button } from '../ui/button';
import { DataTable } from '../ui/data-table';
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
      <DataTable headings={HEADINGS} testId={testId}>
        {alerts.map((alert) => (
          <AlertRow key={alert.id} alert={alert} />
        ))}
      </DataTable>
      {query.hasNextPage && (
        <Button onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Loading…' : 'Load older'}
        </Button>
      )}
    </div>
  );
}
