import type { MessageState } from '@shardline/core';
import type { MessageFilter } from '../messages/message-filter';
import type { BulkOperationAction } from './bulk-operation-input';

/** An operation an engine has claimed, with what it needs to run it and to prove it still holds it. */
export interface ClaimedBulkOperation {
  id: string;
  sinkId: string;
  action: BulkOperationAction;
  messageState: MessageState | null;
  /** As stored; parsed again before use (an operation may outlive a change of the filter's shape). */
  filter: MessageFilter;
  reason: string | null;
  /** Who queued it: recorded as who discarded its messages. */
  createdBy: string;
  total: number;
  done: number;
  /** Carry on after this message id: a previous run of it may have done part of the work. */
  lastMessageId: string;
  /** Progress is only recorded under this token. */
  runnerToken: string;
}

/** Raised when an operation was taken over by another engine (ours looked dead) or is gone. */
export class BulkOperationLostError extends Error {
  constructor(operationId: string) {
    super(
      `bulk operation ${operationId} is no longer ours: another engine took it over after our heartbeat went stale, or its sink was deleted`,
    );
  }
}
