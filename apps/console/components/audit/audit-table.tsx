'use client';

import type { AuditFilter } from '@/lib/client/api-types';
import { useAuditEvents } from '@/lib/client/queries';
import { Button } from '../ui/button';
import { DataTable } from '../ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { AuditRow } from './audit-row';

const HEADINGS = ['When', 'Who', 'Action', 'Target', 'Details'];

/** The events the filter matches, newest first, a keyset page at a time. */
export function AuditTable({
  filter,
  onPickTarget,
}: {
  filter: AuditFilter;
  onPickTarget: (target: Pick<AuditFilter, 'targetType' | 'targetId'>) => void;
}) {
  const query = useAuditEvents(filter);
  if (query.isPending) return <LoadingState label="Loading the audit trail…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const events = query.data.pages.flatMap((page) => page.events);
  if (events.length === 0) {
    const filtered = Object.values(filter).some((value) => value !== undefined);
    return (
      <EmptyState title={filtered ? 'No events match the filter' : 'Nothing recorded yet'}>
        {filtered
          ? 'Clear the filter to see every event.'
          : 'Every change of a sink, source or transform, and every retry or discard, is listed here.'}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <DataTable headings={HEADINGS} testId="audit-table">
        {events.map((event) => (
          <AuditRow key={event.id} event={event} onPickTarget={onPickTarget} />
        ))}
      </DataTable>
      {query.hasNextPage && (
        <Button
          onClick={() => query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          data-testid="audit-load-more"
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load older'}
        </Button>
      )}
    </div>
  );
}
