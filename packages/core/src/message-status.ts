import type { MessageState } from './message';
import { isThrottlingCode } from './throttling-codes';

/**
 * The one vocabulary a person or an API client sees for where a message stands (issue 18). The
 * stored states (`MessageState`) stay `pending | failing | delivered | discarded`; everything shown
 * is derived from them here, so the console, the API and the docs never name a state two ways.
 */
export const MESSAGE_STATUSES = ['waiting', 'sending', 'failing', 'delivered', 'discarded'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * Why a waiting message has not gone yet: `due` (its turn to be sent), `scheduled` (its next
 * attempt time is not reached yet), `blocked` (behind a failing message of its group), `throttled`
 * (Kinesis throttled its last attempt: it goes as soon as the stream has room).
 */
export const WAITING_REASONS = ['due', 'scheduled', 'blocked', 'throttled'] as const;
export type WaitingReason = (typeof WAITING_REASONS)[number];

/** How each status is named on screen. */
export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  waiting: 'Waiting',
  sending: 'Sending now',
  failing: 'Failing',
  delivered: 'Delivered',
  discarded: 'Discarded',
};

/** What each waiting reason says on screen (a blocked message also names the one blocking it). */
export const WAITING_REASON_LABELS: Record<WaitingReason, string> = {
  due: 'Due: its turn to be sent',
  scheduled: 'Scheduled: its next attempt time is not reached yet',
  blocked: 'Blocked: waiting behind a failing message of its group',
  throttled: 'Throttled: Kinesis asked to slow down; it goes as soon as the stream has room',
};

/**
 * What the API's `state` filters take (list, counts, bulk operations). `pending` is the stored
 * name, kept as a deprecated alias of `waiting` so clients written before keep working.
 */
export const MESSAGE_STATE_FILTERS = ['waiting', 'failing', 'delivered', 'discarded'] as const;
export type MessageStateFilter = (typeof MESSAGE_STATE_FILTERS)[number];
export const ACCEPTED_STATE_FILTERS = [...MESSAGE_STATE_FILTERS, 'pending'] as const;
export type AcceptedStateFilter = (typeof ACCEPTED_STATE_FILTERS)[number];

const STORED_STATE: Record<AcceptedStateFilter, MessageState> = {
  waiting: 'pending',
  pending: 'pending',
  failing: 'failing',
  delivered: 'delivered',
  discarded: 'discarded',
};

const STATE_FILTER: Record<MessageState, MessageStateFilter> = {
  pending: 'waiting',
  failing: 'failing',
  delivered: 'delivered',
  discarded: 'discarded',
};

/** The stored state a filter value selects (`waiting` and its alias `pending` are `pending`). */
export function storedStateOf(filter: AcceptedStateFilter): MessageState {
  return STORED_STATE[filter];
}

/** The name a stored state is shown by (`pending` is `waiting`). */
export function stateFilterOf(state: MessageState): MessageStateFilter {
  return STATE_FILTER[state];
}

/** What is known of a message to say where it stands; read with the message (list and detail). */
export interface MessageStatusFacts {
  state: MessageState;
  /** Inside a request under way right now (in a lane's in-flight ids, under a live lease). */
  inFlight: boolean;
  /** The earliest failing message of its group before it, if any. */
  blockedBy: string | null;
  /** Its next attempt time is still ahead. */
  scheduled: boolean;
  lastErrorCode: string | null;
}

export interface DerivedMessageStatus {
  status: MessageStatus;
  /** Only for `waiting`; null otherwise. */
  waitingReason: WaitingReason | null;
  /** Only for `waiting` with reason `blocked`: the id of the failing message it waits behind. */
  blockedBy: string | null;
}

/** Where a message stands, in the vocabulary shown to people and API clients. */
export function deriveMessageStatus(facts: MessageStatusFacts): DerivedMessageStatus {
  const finished = (status: MessageStatus): DerivedMessageStatus => ({
    status,
    waitingReason: null,
    blockedBy: null,
  });
  switch (facts.state) {
    case 'delivered':
    case 'discarded':
      return finished(facts.state);
    case 'failing':
      return finished(facts.inFlight ? 'sending' : 'failing');
    case 'pending': {
      if (facts.inFlight) return finished('sending');
      if (facts.blockedBy !== null)
        return { status: 'waiting', waitingReason: 'blocked', blockedBy: facts.blockedBy };
      const waiting = (waitingReason: WaitingReason): DerivedMessageStatus => ({
        status: 'waiting',
        waitingReason,
        blockedBy: null,
      });
      if (facts.lastErrorCode !== null && isThrottlingCode(facts.lastErrorCode)) return waiting('throttled');
      return waiting(facts.scheduled ? 'scheduled' : 'due');
    }
    default: {
      const unknown: never = facts.state;
      throw new Error(`unknown message state ${String(unknown)}`);
    }
  }
}
