'use client';

import { useHotkeys } from 'react-hotkeys-hook';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import type { MessageFilter, MessageState } from '@/lib/client/api-types';
import { useMessageCounts, useMessages } from '@/lib/client/queries';
import { MessageRow } from './message-row';
import { MESSAGE_TABS } from './message-states';

const OUTCOME_HEADING: Record<MessageState, string> = {
  pending: 'Next attempt',
  failing: 'Next retry',
  delivered: 'Delivered',
  discarded: 'Discarded',
};

/**
 * One state's messages for the filter, a keyset page at a time. `j` and `k` move through the
 * rows: with a message open, the next or previous one opens in its place; otherwise the row is
 * highlighted and `Enter` opens it.
 */
export function MessageTable({
  sinkId,
  state,
  filter,
  live,
  openId,
  highlightedId,
  onHighlight,
  onOpen,
}: {
  sinkId: string;
  state: MessageState;
  filter: MessageFilter;
  live: boolean;
  openId: string | null;
  highlightedId: string | null;
  onHighlight: (id: string) => void;
  /** `replace`: the open message changes without a new history entry (moving with j/k). */
  onOpen: (id: string, options?: { replace?: boolean }) => void;
}) {
  const query = useMessages(sinkId, state, filter, live);
  const messages = query.data?.pages.flatMap((page) => page.messages) ?? [];
  const move = (step: 1 | -1) => {
    const ids = messages.map((message) => message.id);
    const current = ids.indexOf(openId ?? highlightedId ?? '');
    const next =
      ids[
        current === -1
          ? step === 1
            ? 0
            : ids.length - 1
          : Math.min(Math.max(current + step, 0), ids.length - 1)
      ];
    if (next === undefined) return;
    if (openId) onOpen(next, { replace: true });
    else onHighlight(next);
  };
  useHotkeys('j', () => move(1), { useKey: true });
  useHotkeys('k', () => move(-1), { useKey: true });
  useHotkeys('enter', () => highlightedId && !openId && onOpen(highlightedId), {
    // Enter on a button or link is that control's own.
    ignoreEventWhen: (event) => event.target instanceof Element && event.target.closest('button, a') !== null,
  });
  const counts = useMessageCounts(sinkId, filter, live).data?.counts;
  if (query.isPending) return <LoadingState label="Loading messages…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
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
          <MessageRow
            key={message.id}
            message={message}
            highlighted={message.id === (openId ?? highlightedId)}
            onOpen={onOpen}
          />
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
