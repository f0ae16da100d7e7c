'use client';

import { useId, useState } from 'react';
import { AdminOnly } from '@/components/access/admin-only';
import type { MessageFilter, Sink } from '@/lib/client/api-types';
import { useMessageCounts } from '@/lib/client/queries';
import { BulkActions } from './bulk-actions';
import { LiveSwitch } from './live-switch';
import { MessageDrawer } from './message-drawer';
import { MessageFilters } from './message-filters';
import { MessageSearch } from './message-search';
import { MessageTable } from './message-table';
import { MessageTabs } from './message-tabs';
import { useMessagesUrl } from './use-messages-url';

/**
 * The Messages tab of a sink: state tabs, search, filters, rows, bulk actions and the open
 * message, all kept in the page's URL (use-messages-url.ts).
 */
export function MessagesPanel({
  sink,
  live,
  onLiveChange,
}: {
  sink: Sink;
  live: boolean;
  onLiveChange: (live: boolean) => void;
}) {
  const panelId = useId();
  const { view, show } = useMessagesUrl();
  const { state, filter, messageId } = view;
  const { key, q, ...narrowing } = filter;
  // The row the keyboard moved to (j/k); Enter opens it.
  const [highlightedId, setHighlightedId] = useState<string | null>(messageId);
  const counts = useMessageCounts(sink.id, filter, live).data?.counts;
  const open = (id: string, options?: { replace?: boolean }) => {
    setHighlightedId(id);
    show({ messageId: id }, options);
  };

  return (
    <section className="space-y-4" aria-labelledby={`${panelId}-title`} data-testid="messages">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${panelId}-title`} className="text-lg font-semibold">
          Messages
        </h2>
        <div className="flex flex-wrap items-center gap-4">
          <LiveSwitch live={live} onChange={onLiveChange} />
          <AdminOnly>
            <BulkActions sinkId={sink.id} state={state} filter={filter} counts={counts} />
          </AdminOnly>
        </div>
      </div>
      <MessageTabs
        current={state}
        counts={counts}
        onChange={(next) => show({ state: next })}
        panelId={panelId}
      />
      {/* Remounted when the URL changes them (back, forward, a link), so their fields follow it. */}
      <MessageSearch
        key={`search:${key ?? ''}:${q ?? ''}`}
        value={{ key, q }}
        onChange={(search) => show({ filter: { ...narrowing, ...search } })}
      />
      <MessageFilters
        key={`filters:${JSON.stringify(narrowing)}`}
        tables={sink.tables}
        value={narrowing}
        onChange={(next: MessageFilter) => show({ filter: { ...next, key, q } })}
      />
      <p className="text-xs text-slate-500">
        Keys: <kbd>/</kbd> search, <kbd>j</kbd>/<kbd>k</kbd> next and previous message (the open one follows),{' '}
        <kbd>Enter</kbd> open it, <kbd>Esc</kbd> close it.
      </p>
      <div role="tabpanel" id={panelId}>
        <MessageTable
          sinkId={sink.id}
          state={state}
          filter={filter}
          live={live}
          openId={messageId}
          highlightedId={highlightedId}
          onHighlight={setHighlightedId}
          onOpen={open}
        />
      </div>
      <MessageDrawer
        sinkId={sink.id}
        transform={sink.transform}
        messageId={messageId}
        live={live}
        onClose={() => show({ messageId: null })}
        onOpenMessage={(id) => show({ messageId: id })}
      />
    </section>
  );
}
