import { getBackfill, type PublicBackfill } from '@shardline/db';
import type { StreamRecord } from '@shardline/testing';
import type { CaptureTestContext } from '../harness';

/** Polls the backfill until `done(backfill)` holds. */
export async function waitForBackfill(
  ctx: CaptureTestContext,
  backfillId: string,
  done: (backfill: PublicBackfill) => boolean,
  timeoutMs = 60_000,
): Promise<PublicBackfill> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const backfill = await getBackfill(ctx.db, { backfillId });
    if (done(backfill)) return backfill;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for backfill ${backfillId}: ${JSON.stringify(backfill)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the sink has messages and every one of them was delivered. */
export async function waitAllDelivered(
  ctx: CaptureTestContext,
  sinkIndex = 0,
  timeoutMs = 90_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await ctx.db.pool.query<{ total: string; waiting: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE state <> 'delivered') AS waiting FROM message WHERE sink_id = $1`,
      [ctx.sinks[sinkIndex]?.sink.id],
    );
    const total = Number(rows[0]?.total);
    const waiting = Number(rows[0]?.waiting);
    if (total > 0 && waiting === 0) return total;
    if (Date.now() > deadline) throw new Error(`timed out: ${waiting} of ${total} messages not delivered`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stored `read` messages of a backfill, payloads parsed, in position order. */
export async function storedReads(ctx: CaptureTestContext, backfillId: string) {
  const { rows } = await ctx.db.pool.query<{ group_key: string; payload: string }>(
    `SELECT group_key, payload::text AS payload FROM message WHERE backfill_id = $1 ORDER BY commit_lsn, commit_idx`,
    [backfillId],
  );
  return rows.map((row) => ({ group: row.group_key, payload: JSON.parse(row.payload) as ReadPayload }));
}

export interface ReadPayload {
  record: Record<string, unknown>;
  changes: unknown;
  action: string;
  metadata: Record<string, unknown> & { table_name: string; commit_lsn: number; idempotency_key: string };
}

/** The last record of each group (partition key), in stream order: a group lives on one shard. */
export function lastRecordPerGroup(
  records: Array<Pick<StreamRecord, 'partitionKey' | 'data'>>,
): Map<string, ReadPayload> {
  const last = new Map<string, ReadPayload>();
  for (const record of records) last.set(record.partitionKey, JSON.parse(record.data));
  return last;
}
