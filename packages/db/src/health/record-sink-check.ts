import type { Db } from '../database';

/** What a stream check found. */
export type StreamCheckResult =
  | { ok: true }
  | { ok: false; code: string; message: string; hint: string | null; via: 'describe' | 'delivery' };

/** Records a stream check with the digest of the settings it was made with. */
export async function recordSinkCheck(
  db: Db,
  options: { sinkId: string; version: string; result: StreamCheckResult },
): Promise<void> {
  const failed = options.result.ok ? null : options.result;
  await db.pool.query(
    `UPDATE sink_check
        SET checked_at = now(), checked_version = $2, stream_ok = $3,
            error_code = $4, error_message = $5, error_hint = $6, error_via = $7
      WHERE sink_id = $1`,
    [
      options.sinkId,
      options.version,
      options.result.ok,
      failed?.code ?? null,
      failed?.message ?? null,
      failed?.hint ?? null,
      failed?.via ?? null,
    ],
  );
}
