import type { MessageCounts, MessageFilter, MessageState } from '@/lib/client/api-types';
import { MESSAGE_STATUS_LABELS, stateFilterOf } from '@/lib/client/message-status';

interface TabSpec {
  label: string;
  testId: string;
  /** What an empty tab says, knowing the other tabs' counts when they are loaded. */
  empty: (counts: MessageCounts | undefined) => string;
  count: (counts: MessageCounts) => number;
}

/** An empty tab never says all is delivered while messages still fail (or wait). */
function failingNote(counts: MessageCounts | undefined): string {
  if (!counts || counts.failing === 0) return '';
  return ` ${counts.failing === 1 ? '1 message is' : `${counts.failing} messages are`} failing: see the Failing tab.`;
}

/** The Messages tabs, one per stored state, named as MESSAGE_STATUS_LABELS names them. */
export const MESSAGE_TABS: Record<MessageState, TabSpec> = {
  pending: {
    label: MESSAGE_STATUS_LABELS.waiting,
    testId: 'tab-waiting',
    empty: (counts) =>
      counts && counts.failing > 0
        ? `Nothing waiting to be sent.${failingNote(counts)}`
        : 'Nothing waiting to be sent: every change captured so far was delivered or discarded.',
    count: (counts) => counts.waiting,
  },
  failing: {
    label: MESSAGE_STATUS_LABELS.failing,
    testId: 'tab-failing',
    empty: () => 'No failing messages. Messages Kinesis refuses show up here with their error.',
    count: (counts) => counts.failing,
  },
  delivered: {
    label: MESSAGE_STATUS_LABELS.delivered,
    testId: 'tab-delivered',
    empty: (counts) =>
      `Nothing delivered recently. Change a row of a chosen table to see it arrive.${failingNote(counts)}`,
    count: (counts) => counts.delivered,
  },
  discarded: {
    label: MESSAGE_STATUS_LABELS.discarded,
    testId: 'tab-discarded',
    empty: () => 'No discarded messages.',
    count: (counts) => counts.discarded,
  },
};

/** The API's name of a tab's state (`waiting` for the stored `pending`). */
export const apiStateOf = stateFilterOf;

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
