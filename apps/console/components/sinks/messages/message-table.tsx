'use client';

import type { MessageFilter, MessageState } from '../../../lib/client/api-types';
import { useMessageCounts, useMessages } from '../../../lib/client/queries';
import { Button } from '../../ui/button';
import { DataTable } from '../../ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { MessageRow } from './message-row';
import { MESSAGE_TABS } from './message-states';

const OUTCOME_HEADING: Record<MessageState, string> = {
  pending: 'Next attempt',
  failing: 'Next retry',
  delivered: 'Delivered',
  discarded: 'Discarded',
};

/** One state's messages for the filter, a keyset page at a time. */
export function MessageTable({
  sinkId,
  state,
  filter,
  live,
  onOpen,
}: {
  sinkId: string;
  state: MessageState;
  filter: MessageFilter;
  live: boolean;
  onOpen: (id: string) => void;
}) {
  const query = useMessages(sinkId, state, filter, live);
  const counts = useMessageCounts(sinkId, filter, live).data?.counts;
  if (query.isPending) return <LoadingState label="Loading messages…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const messages = query.data.pages.flatMap((page) => page.messages);
  if (messages.length === 0) {
    const filtered = Object.keys(filter).length > 0;
    return (
      <EmptyState title={filtered ? 'No messages match the filter' : 'No messages here'}>
        {filtered
          ? 'Clear the filter to see every message of this state.'
          : MESSAGE_TABS[state].empty(counts)}
      </EmptyState>
    );
  }
  const headings = [
    'Position',
    'Table',
    'Action',
    'Group',
    'Deliver count',
    'Last error',
    OUTCOME_HEADING[state],
    'Committed',
    'Size',
  ];
  return (
    <div className="space-y-3">
      <DataTable headings={headings} testId="message-table" dataState={state}>
        {messages.map((message) => (
          <MessageRow key={message.id} message={message} onOpen={onOpen} />
        ))}
      </DataTable>
      {query.hasNextPage && (
        <Button
          onClick={() => query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          data-testid="load-more"
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </div>
  );
}
