import type { Db } from '../database';
import { notifyWake } from '../wake-channel';
import { BULK_CHUNK_SIZE, type MessageSelection, selectChunkSql } from './message-selection';

/** What one chunk did: how many messages it changed, and the highest id it reached. */
export interface ChunkProgress {
  changed: number;
  lastId: string;
}

/** Options of a bulk action run in the background, which reports and resumes its progress. */
export interface ChunkedRunOptions {
  /** Start after this message id: a run taken over carries on where the previous one stopped. */
  afterId?: string;
  /** Awaited after every chunk that changed messages; throwing stops the run there. */
  onChunk?: (progress: ChunkProgress) => Promise<void> | void;
}

/** An audit event to record for each message changed, in the statement that changes it. */
export interface MessageAudit {
  actor: string;
  action: 'message.retry' | 'message.discard' | 'message.resend';
  /** Added to each event's details, after the message's sink and id. */
  details?: Record<string, unknown>;
}

/**
 * Runs one bulk UPDATE over every selected message of a sink, a chunk at a time, so millions
 * of messages never sit in one long transaction; then wakes the sink's lanes. `setClause` is
 * the UPDATE's SET list and may use parameters numbered after the chunk's own. With `audit`,
 * each message changed gets its audit event in the same statement: both happen, or neither.
 */
export async function applyToSelection(
  db: Db,
  options: {
    sinkId: string;
    selection: MessageSelection;
    states: string[];
    setClause: (firstFreeParam: number) => string;
    setParams: unknown[];
    /** A further SQL condition on the chunk's messages (table `message`, no parameters). */
    condition?: string;
    audit?: MessageAudit;
  } & ChunkedRunOptions,
): Promise<number> {
  let lastId = options.afterId ?? '0';
  let total = 0;
  for (;;) {
    const params: unknown[] = [options.sinkId, lastId, options.states];
    const chunkSql = selectChunkSql(options.selection, params, options.condition);
    const set = options.setClause(params.length + 1);
    params.push(...options.setParams);
    const update = `UPDATE message m SET ${set} FROM chunk WHERE m.id = chunk.id RETURNING m.id`;
    const result = await db.pool.query<{ id: string }>(
      options.audit
        ? `WITH chunk AS (${chunkSql}), changed AS (${update}, m.sink_id), ${auditCte(options.audit, params)}
           SELECT id FROM changed`
        : `WITH chunk AS (${chunkSql}) ${update}`,
      params,
    );
    total += result.rows.length;
    lastId = result.rows.reduce((max, row) => (BigInt(row.id) > BigInt(max) ? row.id : max), lastId);
    if (result.rows.length > 0) await options.onChunk?.({ changed: result.rows.length, lastId });
    if (result.rows.length < BULK_CHUNK_SIZE) break;
  }
  if (total > 0) await notifyWake(db, { sinkId: options.sinkId });
  return total;
}

/** A data-modifying CTE recording one audit event per row of `changed`; appends its parameters. */
function auditCte(audit: MessageAudit, params: unknown[]): string {
  params.push(audit.actor, audit.action, JSON.stringify(audit.details ?? {}));
  const [actor, action, details] = [params.length - 2, params.length - 1, params.length];
  return `audited AS (
    INSERT INTO audit_event (actor, action, target_type, target_id, details)
    SELECT $${actor}, $${action}, 'message', changed.id::text,
           jsonb_build_object('sinkId', changed.sink_id, 'sinkName', sink.name, 'messageId', changed.id::text)
             || $${details}::jsonb
      FROM changed JOIN sink ON sink.id = changed.sink_id
  )`;
}
