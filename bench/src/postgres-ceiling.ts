/**
 * Raw batched statements on one connection of the engine's own driver (`pg`, through
 * @shardline/db's pool), on a plain table of the bench's database: what Postgres and the driver
 * can do here at best for the writes every message needs (stored, marked delivered, pruned).
 */
import type { PoolClient } from 'pg';
import type { StatementRate } from './ceilings';
import { makeWorkload } from './workload';

const INSERT_ROWS = 1_000;
const UPDATE_ROWS = 1_000;
/** The engine's pruner deletes in batches of 5,000 (packages/db prune-messages.ts). */
const DELETE_ROWS = 5_000;

const CREATE_TABLE = `
  CREATE TABLE ceiling_probe (
    id bigint PRIMARY KEY, state text NOT NULL, payload json NOT NULL, delivered_at timestamptz
  )`;

export interface PostgresCeilings {
  insert: StatementRate;
  update: StatementRate;
  delete: StatementRate;
}

/** Each statement kind for about `seconds` of statement time (deletes: see measureDelete). */
export async function measurePostgresCeilings(
  client: PoolClient,
  seconds: number,
): Promise<PostgresCeilings> {
  await client.query(CREATE_TABLE);
  try {
    // The workload's own messages, so rows are the ~400-byte JSON the engine stores.
    const payloads = makeWorkload({ count: INSERT_ROWS, groups: 10_000, firstLsn: 1_000 }).map((message) =>
      JSON.stringify(message.payload),
    );
    const inserted = await measureInsert(client, payloads, seconds);
    const update = await measureUpdate(client, inserted.rows, seconds);
    const remove = await measureDelete(client, inserted.rows, payloads[0] ?? '{}', seconds);
    return { insert: inserted.rate, update, delete: remove };
  } finally {
    await client.query('DROP TABLE ceiling_probe');
  }
}

/**
 * Multi-row INSERTs of unnest()ed arrays, the payloads as one JSON array, as the engine stores
 * messages (append-messages.ts): a `json[]` parameter would have the driver escape every payload
 * into an array literal, which the engine does not pay (and which halves the rate here).
 */
async function measureInsert(
  client: PoolClient,
  payloads: string[],
  seconds: number,
): Promise<{ rate: StatementRate; rows: number }> {
  let rows = 0;
  const payloadArray = `[${payloads.join(',')}]`;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const ids = payloads.map((_, index) => rows + index + 1);
    await client.query(
      `INSERT INTO ceiling_probe (id, state, payload)
       SELECT u.id, 'pending', u.payload
         FROM ROWS FROM (unnest($1::bigint[]), json_array_elements($2::json)) AS u(id, payload)`,
      [ids, payloadArray],
    );
    rows += payloads.length;
  }
  return { rate: rateOf(rows, started, INSERT_ROWS), rows };
}

/** UPDATEs by a list of 1,000 ids, round the table as often as the time allows. */
async function measureUpdate(client: PoolClient, tableRows: number, seconds: number): Promise<StatementRate> {
  let rows = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const first = (rows % tableRows) + 1;
    const ids = Array.from({ length: Math.min(UPDATE_ROWS, tableRows - first + 1) }, (_, i) => first + i);
    await client.query(
      `UPDATE ceiling_probe SET state = 'delivered', delivered_at = now() WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    rows += ids.length;
  }
  return rateOf(rows, started, UPDATE_ROWS);
}

/**
 * Bulk DELETEs of 5,000 rows. Deleting is several times faster than inserting, so the table is
 * refilled server-side (not timed) whenever it runs out, until `seconds` of deleting or twice
 * that of wall time, whichever comes first.
 */
async function measureDelete(
  client: PoolClient,
  tableRows: number,
  payload: string,
  seconds: number,
): Promise<StatementRate> {
  let rows = 0;
  let deleting = 0;
  let next = 1;
  let end = tableRows;
  const started = performance.now();
  while (deleting < seconds * 1000 && performance.now() - started < 2 * seconds * 1000) {
    if (next > end) {
      await client.query(
        `INSERT INTO ceiling_probe (id, state, payload, delivered_at)
         SELECT g, 'delivered', $1::json, now() FROM generate_series($2::bigint, $3::bigint) AS g`,
        [payload, next, next + tableRows - 1],
      );
      end = next + tableRows - 1;
    }
    const before = performance.now();
    const result = await client.query('DELETE FROM ceiling_probe WHERE id >= $1 AND id < $2', [
      next,
      next + DELETE_ROWS,
    ]);
    deleting += performance.now() - before;
    rows += result.rowCount ?? 0;
    next += DELETE_ROWS;
  }
  return { rowsPerSecond: rows / (deleting / 1000), rowsPerStatement: DELETE_ROWS };
}

function rateOf(rows: number, started: number, rowsPerStatement: number): StatementRate {
  return { rowsPerSecond: rows / ((performance.now() - started) / 1000), rowsPerStatement };
}
