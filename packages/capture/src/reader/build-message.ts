import type { MessageAction } from '@shardline/core';
import type { IncomingMessage, SinkTableRoute, SourceSinkRoute } from '@shardline/db';
import type { JsonValue } from '../values/json-value';

/** What the reader knows of a table from the replication stream and the source's catalog. */
export interface RelationInfo {
  oid: number;
  schema: string;
  name: string;
  /** Primary key columns in key order; empty when the table has none. */
  primaryKey: readonly string[];
  /** Whether old rows carry every column (REPLICA IDENTITY FULL) or only the key. */
  fullOldRows: boolean;
}

export interface RowChange {
  /** `read` is a backfilled row: its record is `newRow`. */
  action: MessageAction;
  relation: RelationInfo;
  /** The row after the change (insert, update), or as read (read). */
  newRow: Record<string, JsonValue> | null;
  /** The row before it, as far as the replica identity gives it (update, delete). */
  oldRow: Record<string, JsonValue> | null;
}

export interface ChangePosition {
  commitLsn: bigint;
  commitIdx: number;
  commitTimestamp: string;
  /** A backfill's read: its idempotency key is the backfill and the row's key, not the position. */
  backfillId?: string;
}

/** The message of product.md for one sink, and its group. */
export function buildMessage(
  change: RowChange,
  position: ChangePosition,
  context: { databaseName: string; sink: SourceSinkRoute; table: SinkTableRoute },
): IncomingMessage {
  const { relation } = change;
  const record = (change.action === 'delete' ? change.oldRow : change.newRow) ?? {};
  const recordPks = relation.primaryKey.map((column) => groupSegment(record[column]));
  const idempotencyKey =
    position.backfillId === undefined
      ? `${position.commitLsn}:${position.commitIdx}`
      : `${position.backfillId}:${recordPks.join(':')}`;
  const payload = {
    record,
    changes: change.action === 'update' ? changedColumns(change) : null,
    action: change.action,
    metadata: {
      table_schema: relation.schema,
      table_name: relation.name,
      commit_timestamp: position.commitTimestamp,
      commit_lsn: Number(position.commitLsn),
      commit_idx: position.commitIdx,
      idempotency_key: Buffer.from(idempotencyKey).toString('base64'),
      record_pks: recordPks,
      database_name: context.databaseName,
      consumer: {
        id: context.sink.sinkId,
        name: context.sink.sinkName,
        annotations: context.sink.annotations,
      },
    },
  };
  const groupColumns =
    context.table.groupColumns.length > 0 ? context.table.groupColumns : relation.primaryKey;
  return {
    commitLsn: position.commitLsn,
    commitIdx: position.commitIdx,
    group: groupOf(record, groupColumns),
    tableSchema: relation.schema,
    tableName: relation.name,
    action: change.action,
    payload,
    ...(position.backfillId === undefined ? {} : { backfillId: position.backfillId }),
  };
}

/**
 * Old values of the columns an update changed. Without REPLICA IDENTITY FULL Postgres sends no
 * old row (or only the old key, when the key changed): then only what it sent is compared.
 */
function changedColumns(change: RowChange): Record<string, JsonValue> {
  const changes: Record<string, JsonValue> = {};
  if (!change.oldRow || !change.newRow) return changes;
  for (const [column, oldValue] of Object.entries(change.oldRow)) {
    if (!(column in change.newRow)) continue;
    if (JSON.stringify(oldValue) !== JSON.stringify(change.newRow[column])) changes[column] = oldValue;
  }
  return changes;
}

// Kinesis takes no empty partition key; a group made only of empty text still needs one.
const EMPTY_GROUP = '∅';

/** The group: the chosen columns' values joined with `:`. */
export function groupOf(record: Record<string, JsonValue>, columns: readonly string[]): string {
  const group = columns.map((column) => groupSegment(record[column])).join(':');
  return group === '' ? EMPTY_GROUP : group;
}

function groupSegment(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
