import {
  type AttemptTrigger,
  deriveMessageStatus,
  type MessageAction,
  type MessageState,
  type MessageStatus,
  type WaitingReason,
} from '@shardline/core';

/** A stored message as the console and API show it. */
export interface MessageRecord {
  id: bigint;
  sinkId: string;
  group: string;
  lane: number;
  commitLsn: bigint;
  commitIdx: number;
  tableSchema: string;
  tableName: string;
  action: MessageAction;
  sizeBytes: number;
  /** As stored; `status` is what people and API clients see (see message-status.ts). */
  state: MessageState;
  status: MessageStatus;
  /** Why a waiting message has not gone yet; null unless `status` is waiting. */
  waitingReason: WaitingReason | null;
  /** The failing message of its group it waits behind (reason `blocked`); null otherwise. */
  blockedBy: bigint | null;
  deliverCount: number;
  nextAttemptAt: Date | null;
  nextAttemptTrigger: AttemptTrigger;
  lastError: { code: string; message: string; at: Date } | null;
  createdAt: Date;
  /** When the change was committed in the source (the payload's metadata.commit_timestamp). */
  commitTimestamp: string | null;
  /** `streamArn`: where a routing function sent it; null: the sink's own stream. */
  delivered: { at: Date; shardId: string; sequenceNumber: string; streamArn: string | null } | null;
  discarded: { at: Date; by: string; reason: string | null } | null;
}

export const MESSAGE_RECORD_COLUMNS = `id, sink_id, group_key, lane, commit_lsn, commit_idx, table_schema, table_name, action,
  size_bytes, state, deliver_count, next_attempt_at, next_attempt_trigger, last_error_code, last_error_message,
  last_error_at, created_at, delivered_at, shard_id, sequence_number, stream_arn, discarded_at, discarded_by, discard_reason,
  payload->'metadata'->>'commit_timestamp' AS commit_timestamp,
  next_attempt_at > clock_timestamp() AS scheduled,
  (state IN ('pending', 'failing') AND id IN (
    SELECT unnest(l.in_flight_ids) FROM delivery_lane l
     WHERE l.sink_id = message.sink_id AND l.lane = message.lane AND l.lease_expires_at > clock_timestamp()
  )) AS in_flight,
  CASE WHEN state = 'pending' THEN (
    SELECT b.id FROM message b
     WHERE b.sink_id = message.sink_id AND b.lane = message.lane AND b.group_key = message.group_key
       AND b.state = 'failing' AND (b.commit_lsn, b.commit_idx) < (message.commit_lsn, message.commit_idx)
     ORDER BY b.commit_lsn, b.commit_idx LIMIT 1
  ) END AS blocked_by`;

export interface MessageRow {
  id: string;
  sink_id: string;
  group_key: string;
  lane: number;
  commit_lsn: string;
  commit_idx: number;
  table_schema: string;
  table_name: string;
  action: MessageAction;
  size_bytes: number;
  state: MessageState;
  deliver_count: number;
  next_attempt_at: Date;
  next_attempt_trigger: AttemptTrigger;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_at: Date | null;
  created_at: Date;
  commit_timestamp: string | null;
  delivered_at: Date | null;
  shard_id: string | null;
  sequence_number: string | null;
  stream_arn: string | null;
  discarded_at: Date | null;
  discarded_by: string | null;
  discard_reason: string | null;
  scheduled: boolean;
  in_flight: boolean;
  blocked_by: string | null;
}

export function toMessageRecord(row: MessageRow): MessageRecord {
  const waiting = row.state === 'pending' || row.state === 'failing';
  return {
    id: BigInt(row.id),
    sinkId: row.sink_id,
    group: row.group_key,
    lane: row.lane,
    commitLsn: BigInt(row.commit_lsn),
    commitIdx: row.commit_idx,
    tableSchema: row.table_schema,
    tableName: row.table_name,
    action: row.action,
    sizeBytes: row.size_bytes,
    state: row.state,
    ...statusOf(row),
    deliverCount: row.deliver_count,
    nextAttemptAt: waiting ? row.next_attempt_at : null,
    nextAttemptTrigger: row.next_attempt_trigger,
    lastError:
      row.last_error_code && row.last_error_at
        ? { code: row.last_error_code, message: row.last_error_message ?? '', at: row.last_error_at }
        : null,
    createdAt: row.created_at,
    commitTimestamp: row.commit_timestamp,
    delivered:
      row.delivered_at && row.shard_id && row.sequence_number
        ? {
            at: row.delivered_at,
            shardId: row.shard_id,
            sequenceNumber: row.sequence_number,
            streamArn: row.stream_arn,
          }
        : null,
    discarded: row.discarded_at
      ? { at: row.discarded_at, by: row.discarded_by ?? '', reason: row.discard_reason }
      : null,
  };
}

function statusOf(row: MessageRow): Pick<MessageRecord, 'status' | 'waitingReason' | 'blockedBy'> {
  const derived = deriveMessageStatus({
    state: row.state,
    inFlight: row.in_flight,
    blockedBy: row.blocked_by,
    scheduled: row.scheduled,
    lastErrorCode: row.last_error_code,
  });
  return { ...derived, blockedBy: derived.blockedBy === null ? null : BigInt(derived.blockedBy) };
}
