import type { MessageStateFilter } from '@shardline/core';
import type { BulkOperation } from '../generated/prisma/client';
import type { MessageFilter } from '../messages/message-filter';
import { type BulkOperationAction, bulkStateFilterOf } from './bulk-operation-input';

export const BULK_OPERATION_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type BulkOperationState = (typeof BULK_OPERATION_STATES)[number];

/** A bulk retry, discard or re-send and its progress, as shown to a person. */
export interface BulkOperationRecord {
  id: string;
  sinkId: string;
  action: BulkOperationAction;
  state: BulkOperationState;
  /** The message state it was narrowed to; null means every one its action applies to. */
  messageState: Exclude<MessageStateFilter, 'discarded'> | null;
  filter: MessageFilter;
  reason: string | null;
  /** Messages the filter matched when the operation was created. */
  total: number;
  /** Messages changed so far: below total at the end when some were delivered or discarded meanwhile. */
  done: number;
  error: string | null;
  /** Who queued it. */
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export function toBulkOperationRecord(row: BulkOperation): BulkOperationRecord {
  return {
    id: row.id,
    sinkId: row.sinkId,
    action: row.action as BulkOperationAction,
    state: row.state,
    messageState: bulkStateFilterOf(row.messageState === 'discarded' ? null : row.messageState) as Exclude<
      MessageStateFilter,
      'discarded'
    > | null,
    filter: row.filter as MessageFilter,
    reason: row.reason,
    total: row.total,
    done: row.done,
    error: row.error,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
