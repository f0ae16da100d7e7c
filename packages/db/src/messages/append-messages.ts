import {
  formatPosition,
  laneOf,
  MESSAGE_ACTIONS,
  type MessageAction,
  NotFoundError,
  toPartitionKey,
  ValidationError,
} from '@shardline/core';
import { z } from 'zod';
import { isSourceConfigVersion } from '../capture/source-config';
import { type Db, inSqlTransaction } from '../database';
import { getSinkLaneCount } from '../sinks/get-sink-lane-count';
import { notifyWake } from '../wake-channel';

export interface IncomingMessage {
  commitLsn: bigint;
  commitIdx: number;
  /** The group (partition key) before shortening. */
  group: string;
  tableSchema: string;
  tableName: string;
  action: MessageAction;
  /** The message body, serialised to JSON once here and sent as stored. */
  payload: unknown;
  /** Set on a backfill's `read`: its position is then unique within that backfill only. */
  backfillId?: string;
}

const incomingMessageSchema = z.object({
  commitLsn: z.bigint().nonnegative('commitLsn must not be negative'),
  commitIdx: z.int().nonnegative('commitIdx must not be negative').max(2_147_483_647),
  group: z
    .string()
    .min(1, 'the group must not be empty: Kinesis needs a partition key of 1 to 256 characters'),
  tableSchema: z.string().min(1),
  tableName: z.string().min(1),
  action: z.enum(MESSAGE_ACTIONS),
  backfillId: z.uuid().optional(),
});

export interface AppendResult {
  /** Messages newly stored. */
  stored: number;
  /** Messages skipped because their sink and position were stored before. */
  duplicates: number;
  /**
   * With `onlyIfSourceConfig`: the source's configuration is no longer that version, so nothing
   * was stored (nor counted as filtered). The caller builds the messages again and retries.
   */
  configMoved: boolean;
}

/**
 * Stores a batch of messages for one sink in one transaction (or in the caller's, when `db` is
 * one). Idempotent: a
 * position already stored for the sink (and backfill, for a read) is skipped, so a change seen
 * twice (after a restart) is stored once. Validates the whole batch before writing anything.
 */
export async function appendMessages(
  db: Db,
  options: {
    sinkId: string;
    messages: IncomingMessage[];
    /** The sink's lane count when the caller already knows it (it never changes): saves a lookup. */
    laneCount?: number;
    /** Messages the sink's filter dropped, counted on the sink; see appendPreparedMessages. */
    filteredCount?: number;
  },
): Promise<AppendResult> {
  const { messages } = options;
  if (messages.length === 0 && !options.filteredCount)
    throw new ValidationError('the batch is empty: give at least one message', 'messages');
  const laneCount = options.laneCount ?? (await findLaneCount(db, options.sinkId));
  const prepared = messages.map((message, index) => prepareMessage(message, laneCount, index));
  return appendPreparedMessages(db, { ...options, messages: prepared });
}

/** A validated message in the form it is stored: its payload serialised, its lane chosen. */
export interface PreparedMessage {
  partitionKey: string;
  lane: number;
  commitLsn: string;
  commitIdx: number;
  tableSchema: string;
  tableName: string;
  action: MessageAction;
  payload: string;
  sizeBytes: number;
  backfillId: string | null;
}

/**
 * Validates and serialises one message for a sink with `laneCount` lanes. A caller that holds
 * messages before storing them (the change reader) keeps them in this form: a few strings
 * instead of the payload's object graph, which the garbage collector would otherwise copy.
 */
export function prepareMessage(message: IncomingMessage, laneCount: number, index = 0): PreparedMessage {
  const parsed = incomingMessageSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new ValidationError(
      `message ${index}: ${field ? `${field}: ` : ''}${issue?.message}`,
      `messages.${index}.${field}`,
    );
  }
  const where = `message ${index} (position ${formatPosition(message)})`;
  const payload = serialisePayload(message.payload, where);
  const partitionKey = toPartitionKey(message.group);
  return {
    partitionKey,
    lane: laneOf(partitionKey, laneCount),
    commitLsn: message.commitLsn.toString(),
    commitIdx: message.commitIdx,
    tableSchema: message.tableSchema,
    tableName: message.tableName,
    action: message.action,
    payload,
    sizeBytes: Buffer.byteLength(payload, 'utf8') + Buffer.byteLength(partitionKey, 'utf8'),
    backfillId: message.backfillId ?? null,
  };
}

/**
 * Stores messages prepared by `prepareMessage` (for this sink's lane count); see appendMessages.
 * `filteredCount` adds the messages the sink's filter dropped to its counter, in the same
 * transaction, so the count is exact: with none kept, only the counter moves.
 */
export async function appendPreparedMessages(
  db: Db,
  options: {
    sinkId: string;
    messages: PreparedMessage[];
    filteredCount?: number;
    /**
     * Store only while the source's configuration is still this version (the change reader's:
     * its messages were built with it). Checked inside the insert itself, so it costs no round
     * trip; `configMoved` says when it was not.
     */
    onlyIfSourceConfig?: { sourceId: string; version: bigint };
  },
): Promise<AppendResult> {
  const { sinkId, messages: rows } = options;
  const filteredCount = options.filteredCount ?? 0;
  if (!Number.isSafeInteger(filteredCount) || filteredCount < 0) {
    throw new ValidationError(
      `filteredCount must be a whole number of messages, 0 or more (got ${filteredCount})`,
      'filteredCount',
    );
  }
  if (rows.length === 0 && filteredCount === 0)
    throw new ValidationError('the batch is empty: give at least one message', 'messages');
  const guard = options.onlyIfSourceConfig;
  const insert = async (tx: Db) => {
    // The payloads go as one JSON array of the stored texts, joined as they are: no element is
    // escaped into an array literal (the engine's largest cost per message once was just that),
    // and json_array_elements hands each one back byte for byte, already checked as JSON.
    const result = await tx.pool.query<{ lane: number }>(
      `INSERT INTO message (sink_id, group_key, lane, commit_lsn, commit_idx, table_schema, table_name, action, payload, size_bytes, backfill_id)
       SELECT $1::uuid, u.group_key, u.lane, u.commit_lsn, u.commit_idx, u.table_schema, u.table_name,
              u.action::message_action, u.payload, u.size_bytes, u.backfill_id
       FROM ROWS FROM (unnest($2::text[]), unnest($3::int2[]), unnest($4::int8[]), unnest($5::int4[]), unnest($6::text[]),
                       unnest($7::text[]), unnest($8::text[]), json_array_elements($9::json), unnest($10::int4[]), unnest($11::uuid[]))
         AS u(group_key, lane, commit_lsn, commit_idx, table_schema, table_name, action, payload, size_bytes, backfill_id)
       ${guard ? 'WHERE EXISTS (SELECT 1 FROM source WHERE id = $12 AND config_version = $13)' : ''}
       ON CONFLICT (sink_id, commit_lsn, commit_idx, backfill_id) DO NOTHING
       RETURNING lane`,
      [
        sinkId,
        rows.map((row) => row.partitionKey),
        rows.map((row) => row.lane),
        rows.map((row) => row.commitLsn),
        rows.map((row) => row.commitIdx),
        rows.map((row) => row.tableSchema),
        rows.map((row) => row.tableName),
        rows.map((row) => row.action),
        `[${rows.map((row) => row.payload).join(',')}]`,
        rows.map((row) => row.sizeBytes),
        rows.map((row) => row.backfillId),
        ...(guard ? [guard.sourceId, guard.version.toString()] : []),
      ],
    );
    const lanes = [...new Set(result.rows.map((row) => row.lane))];
    // NOTIFY is delivered on commit, so a listener never sees work that is not there yet.
    if (lanes.length > 0) await notifyWake(tx, { sinkId, lanes });
    return result.rowCount ?? 0;
  };
  // The counter moves after the insert, so the sink's row is locked for the shortest time.
  const store = async (tx: Db): Promise<AppendResult> => {
    // Nothing inserted may be duplicates only, or the guard: asked only then (rarely).
    if (guard && rows.length === 0 && !(await isSourceConfigVersion(tx, guard))) return moved;
    const stored = rows.length > 0 ? await insert(tx) : 0;
    if (guard && rows.length > 0 && stored === 0 && !(await isSourceConfigVersion(tx, guard))) return moved;
    if (filteredCount > 0) await countFiltered(tx, { sinkId, filteredCount });
    return { stored, duplicates: rows.length - stored, configMoved: false };
  };
  const moved: AppendResult = { stored: 0, duplicates: 0, configMoved: true };
  return inSqlTransaction(db, store);
}

async function countFiltered(tx: Db, options: { sinkId: string; filteredCount: number }) {
  const result = await tx.pool.query('UPDATE sink SET filtered_count = filtered_count + $2 WHERE id = $1', [
    options.sinkId,
    options.filteredCount,
  ]);
  // Without the sink the count has nowhere to go; the messages' foreign key says the same.
  if (result.rowCount === 0) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
}

function serialisePayload(payload: unknown, where: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (error) {
    throw new ValidationError(
      `${where}: the payload is not JSON-serialisable: ${(error as Error).message}`,
      'payload',
    );
  }
  if (json === undefined) {
    throw new ValidationError(
      `${where}: the payload is not JSON-serialisable: got ${typeof payload}`,
      'payload',
    );
  }
  return json;
}

async function findLaneCount(db: Db, sinkId: string): Promise<number> {
  const laneCount = await getSinkLaneCount(db, { sinkId });
  if (laneCount === null) throw new NotFoundError(`sink ${sinkId} does not exist`);
  return laneCount;
}
