'use client';

import { useId, useState } from 'react';
import type { MessageFilter, MessageState, Sink } from '../../../lib/client/api-types';
import { useMessageCounts } from '../../../lib/client/queries';
import { AdminOnly } from '../../access/admin-only';
import { BulkActions } from './bulk-actions';
import { LiveSwitch } from './live-switch';
import { MessageDrawer } from './message-drawer';
import { MessageFilters } from './message-filters';
import { MessageTable } from './message-table';
import { MessageTabs } from './message-tabs';

/** The Messages tab of a sink: state tabs, filters, rows, bulk actions and the open message. */
export function MessagesPanel({
  sink,
  live,
  onLiveChange,
  openMessageId = null,
}: {
  sink: Sink;
  live: boolean;
  onLiveChange: (live: boolean) => void;
  /** The message open when the panel first shows (a link to it). */
  openMessageId?: string | null;
}) {
  const panelId = useId();
  const [state, setState] = useState<MessageState>('pending');
  const [filter, setFilter] = useState<MessageFilter>({});
  const [openId, setOpenId] = useState<string | null>(openMessageId);
  const counts = useMessageCounts(sink.id, filter, live).data?.counts;

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
      <MessageTabs current={state} counts={counts} onChange={setState} panelId={panelId} />
      <MessageFilters tables={sink.tables} value={filter} onChange={setFilter} />
      <div role="tabpanel" id={panelId}>
        <MessageTable sinkId={sink.id} state={state} filter={filter} live={live} onOpen={setOpenId} />
      </div>
      <MessageDrawer
        sinkId={sink.id}
        transform={sink.transform}
        messageId={openId}
        live={live}
        onClose={() => setOpenId(null)}
        onOpenMessage={setOpenId}
      />
    </section>
  );
}
