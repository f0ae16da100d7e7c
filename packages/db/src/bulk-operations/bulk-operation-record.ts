import type { BulkOperation } from '../generated/prisma/client';
import type { MessageFilter } from '../messages/message-filter';
import type { BulkOperationAction } from './bulk-operation-input';

export const BULK_OPERATION_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type BulkOperationState = (typeof BULK_OPERATION_STATES)[number];

/** A bulk retry or discard and its progress, as shown to a person. */
export interface BulkOperationRecord {
  id: string;
  sinkId: string;
  action: BulkOperationAction;
  state: BulkOperationState;
  /** The message state it applies to; null means every waiting one (pending and failing). */
  messageState: 'pending' | 'failing' | null;
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
    messageState: row.messageState === 'pending' || row.messageState === 'failing' ? row.messageState : null,
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
