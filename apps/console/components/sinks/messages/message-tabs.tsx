'use client';

import type { MessageCounts, MessageState } from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';
import { MESSAGE_TABS, TAB_ORDER } from './message-states';

/** The state tabs with their counts for the current filter. */
export function MessageTabs({
  current,
  counts,
  onChange,
  panelId,
}: {
  current: MessageState;
  counts: MessageCounts | undefined;
  onChange: (state: MessageState) => void;
  panelId: string;
}) {
  return (
    <div role="tablist" aria-label="Message states" className="flex gap-1 border-b border-slate-200">
      {TAB_ORDER.map((state) => {
        const tab = MESSAGE_TABS[state];
        const selected = state === current;
        return (
          <button
            key={state}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId}
            onClick={() => onChange(state)}
            data-testid={tab.testId}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              selected
                ? 'border-sky-700 text-sky-800'
                : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {tab.label}{' '}
            <span
              className={`ml-1 rounded-full px-1.5 py-0.5 text-xs tabular-nums ${
                state === 'failing' && counts && counts.failing > 0
                  ? 'bg-red-100 text-red-800'
                  : 'bg-slate-100 text-slate-700'
              }`}
              data-testid={`${tab.testId}-count`}
            >
              {counts
                ? `${formatNumber(tab.count(counts))}${counts.capped?.includes(state) ? '+' : ''}`
                : '…'}
            </span>
          </button>
        );
      })}
    </div>
  );
}
