/** Where a message stands. Every mapping of states goes through `Record<MessageState, …>`. */
export const MESSAGE_STATES = ['pending', 'failing', 'delivered', 'discarded'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const MESSAGE_ACTIONS = ['insert', 'update', 'delete', 'read'] as const;
export type MessageAction = (typeof MESSAGE_ACTIONS)[number];

export const ATTEMPT_TRIGGERS = ['scheduled', 'manual'] as const;
export type AttemptTrigger = (typeof ATTEMPT_TRIGGERS)[number];

/** A message's place in its source: commit LSN, then index inside the commit. */
export interface Position {
  commitLsn: bigint;
  commitIdx: number;
}

export function formatPosition(position: Position): string {
  return `${position.commitLsn}:${position.commitIdx}`;
}

/** The error code of a message over the stream's record size limit: never sent, kept failing. */
export const RECORD_TOO_LARGE = 'RecordTooLarge';
