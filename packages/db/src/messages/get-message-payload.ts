import { NotFoundError } from '@shardline/core';
import type { Db } from '../database';

/** A message's payload as the exact JSON text stored, for downloading it as a file. */
export async function getMessagePayload(db: Db, options: { sinkId: string; id: bigint }): Promise<string> {
  const result = await db.pool.query<{ payload: string }>(
    'SELECT payload::text AS payload FROM message WHERE sink_id = $1 AND id = $2',
    [options.sinkId, options.id.toString()],
  );
  const row = result.rows[0];
  if (!row) throw new NotFoundError(`message ${options.id} of sink ${options.sinkId} does not exist`);
  return row.payload;
}
