'use client';

import { useId, useState } from 'react';
import type { Sink } from '@/lib/client/api-types';
import { MessagesPanel } from './messages/messages-panel';
import { StreamPanel } from './stream/stream-panel';

type SinkView = 'messages' | 'stream';

const VIEW_LABELS: Record<SinkView, string> = { messages: 'Messages', stream: 'Stream' };

/**
 * The sink's two views: its messages as Shardline stores them, and its stream as Kinesis holds
 * it. The stream is read only once its tab is opened (each read uses the shards' read capacity);
 * both stay mounted afterwards, so switching keeps the filter and what was read.
 */
export function SinkViews({
  sink,
  live,
  onLiveChange,
}: {
  sink: Sink;
  live: boolean;
  onLiveChange: (live: boolean) => void;
}) {
  const id = useId();
  const [view, setView] = useState<SinkView>('messages');
  const [streamOpened, setStreamOpened] = useState(false);
  const show = (next: SinkView) => {
    setView(next);
    if (next === 'stream') setStreamOpened(true);
  };
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Sink views" className="flex gap-1 border-b border-slate-200">
        {(Object.keys(VIEW_LABELS) as SinkView[]).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-selected={view === name}
            aria-controls={`${id}-${name}`}
            onClick={() => show(name)}
            data-testid={`view-${name}`}
            className={`-mb-px border-b-2 px-4 py-2 font-medium ${
              view === name
                ? 'border-sky-700 text-sky-800'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {VIEW_LABELS[name]}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-messages`}
        aria-labelledby={`${id}-messages-tab`}
        hidden={view !== 'messages'}
      >
        <MessagesPanel sink={sink} live={live} onLiveChange={onLiveChange} />
      </div>
      <div
        role="tabpanel"
        id={`${id}-stream`}
        aria-labelledby={`${id}-stream-tab`}
        hidden={view !== 'stream'}
      >
        {streamOpened && <StreamPanel sink={sink} />}
      </div>
    </div>
  );
}
