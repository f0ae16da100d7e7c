import type { MessageCounts, MessageFilter, MessageState } from '../../../lib/client/api-types';

interface TabSpec {
  label: string;
  testId: string;
  /** What an empty tab says. */
  empty: string;
  count: (counts: MessageCounts) => number;
}

/** The Messages tabs, one per state; a new state is a compile error here until it has its tab. */
export const MESSAGE_TABS: Record<MessageState, TabSpec> = {
  pending: {
    label: 'In flight',
    testId: 'tab-in-flight',
    empty: 'Nothing waiting to be sent: every change so far has been delivered.',
    count: (counts) => counts.pending,
  },
  failing: {
    label: 'Failing',
    testId: 'tab-failing',
    empty: 'No failing messages. Messages Kinesis refuses show up here with their error.',
    count: (counts) => counts.failing,
  },
  delivered: {
    label: 'Delivered',
    testId: 'tab-delivered',
    empty: 'Nothing delivered recently. Change a row of a chosen table to see it arrive.',
    count: (counts) => counts.delivered,
  },
  discarded: {
    label: 'Discarded',
    testId: 'tab-discarded',
    empty: 'No discarded messages.',
    count: (counts) => counts.discarded,
  },
};

export const TAB_ORDER: readonly MessageState[] = ['pending', 'failing', 'delivered', 'discarded'];

/** `table orders, action update`, or `every message`. */
export function describeFilter(filter: MessageFilter): string {
  const parts = [
    filter.table && `table ${filter.table}`,
    filter.action && `action ${filter.action}`,
    filter.group && `group ${filter.group}`,
    filter.errorCode && `error ${filter.errorCode}`,
    filter.key && `key ${filter.key}`,
    filter.q && `payload containing “${filter.q}”`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no filter';
}
