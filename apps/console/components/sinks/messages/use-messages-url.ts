'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { MessageFilter, MessageState } from '@/lib/client/api-types';
import { ACCEPTED_STATE_FILTERS, stateFilterOf, storedStateOf } from '@/lib/client/message-status';
import { TAB_ORDER } from './message-states';

/** What the Messages tab shows: its state tab, its filter and search, and the open message. */
export interface MessagesView {
  state: MessageState;
  filter: MessageFilter;
  messageId: string | null;
}

const FILTER_PARAMS = [
  'table',
  'action',
  'group',
  'errorCode',
  'key',
  'q',
] as const satisfies readonly (keyof MessageFilter)[];
const DEFAULT_STATE: MessageState = 'pending';

/**
 * The Messages tab's view kept in the page's URL (`?state=failing&table=public.orders&message=42`),
 * so a reload keeps it, a link shares it, and the browser's back and forward buttons move through
 * what was opened and filtered. Other query parameters of the page are left as they are.
 */
export function useMessagesUrl(): {
  view: MessagesView;
  /** Shows `next` (merged into the current view); `replace` changes the entry instead of adding one. */
  show: (next: Partial<MessagesView>, options?: { replace?: boolean }) => void;
} {
  const params = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => readView(params), [params]);
  const show = useCallback(
    (next: Partial<MessagesView>, options: { replace?: boolean } = {}) => {
      const query = writeView(new URLSearchParams(params.toString()), { ...view, ...next });
      const url = query.size > 0 ? `${pathname}?${query}` : pathname;
      // Next keeps useSearchParams in step with the History API, without asking the server for
      // the page again (as router.push would) for what is only the client's view.
      if (options.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    },
    [params, pathname, view],
  );
  return { view, show };
}

function readView(params: URLSearchParams): MessagesView {
  // The URL speaks the API's names (`waiting`); `pending`, the stored name, is read too.
  const named = ACCEPTED_STATE_FILTERS.find((known) => known === params.get('state'));
  const state = named ? storedStateOf(named) : null;
  const filter: MessageFilter = {};
  for (const name of FILTER_PARAMS) {
    const value = params.get(name)?.trim();
    // The API checks the values; an unknown action is answered with its 400, shown in the table.
    if (value) Object.assign(filter, { [name]: value });
  }
  return {
    state: TAB_ORDER.find((known) => known === state) ?? DEFAULT_STATE,
    filter,
    messageId: params.get('message') || null,
  };
}

function writeView(params: URLSearchParams, view: MessagesView): URLSearchParams {
  if (view.state === DEFAULT_STATE) params.delete('state');
  else params.set('state', stateFilterOf(view.state));
  for (const name of FILTER_PARAMS) {
    const value = view.filter[name];
    if (value) params.set(name, value);
    else params.delete(name);
  }
  if (view.messageId) params.set('message', view.messageId);
  else params.delete('message');
  return params;
}
