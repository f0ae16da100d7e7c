/**
 * The console's Messages tab with 1,000,000 stored messages on one sink: its first page (each
 * sub-tab) and its counts, timed as the route handlers answer them in-process (server time,
 * without the network). Target: at most 300 ms each.
 */
import { SecretBox } from '@shardline/core';
import { createApiToken, createDatabase, createSink } from '@shardline/db';
import { createTestDatabase } from '@shardline/testing';
import { BENCH_SECRET_KEY } from './engine-settings';
import { fmt } from './format';
import type { SummaryTable } from './summary-table';

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

const REPEATS = 15;

export async function runConsoleQueryBenchmarks(options: {
  runs: Set<string>;
  scale: number;
  table: SummaryTable;
}): Promise<void> {
  if (!options.runs.has('console-queries')) return;
  const { table } = options;
  const total = Math.round(1_000_000 * options.scale);
  const database = await createTestDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 4 });
  try {
    const sink = await createSink(db, {
      secretBox: new SecretBox(BENCH_SECRET_KEY),
      input: { name: 'bench', streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/bench' },
    });
    await storeMessages(db.pool, sink.id, total);
    // The routes answer signed-in callers only: a viewer token is what a dashboard would use.
    const { token } = await createApiToken(db, { input: { name: 'bench', role: 'viewer' } });
    // The console process reads these when its route handlers first run.
    process.env.DATABASE_URL = database.url;
    process.env.SHARDLINE_SECRET_KEY = BENCH_SECRET_KEY;
    const { GET: listMessages } = (await import(
      '../../apps/console/app/api/v1/sinks/[id]/messages/route'
    )) as {
      GET: Handler;
    };
    const { GET: countMessages } = (await import(
      '../../apps/console/app/api/v1/sinks/[id]/messages/counts/route'
    )) as { GET: Handler };
    const queries: Array<{ name: string; handler: Handler; path: string; query: Record<string, string> }> = [
      { name: 'first page, In flight', handler: listMessages, path: 'messages', query: { state: 'pending' } },
      { name: 'first page, Failing', handler: listMessages, path: 'messages', query: { state: 'failing' } },
      {
        name: 'first page, Delivered',
        handler: listMessages,
        path: 'messages',
        query: { state: 'delivered' },
      },
      {
        name: 'first page, Failing, filtered by error code',
        handler: listMessages,
        path: 'messages',
        query: { state: 'failing', errorCode: 'ProvisionedThroughputExceededException' },
      },
      { name: 'counts', handler: countMessages, path: 'messages/counts', query: {} },
      {
        name: 'counts, filtered by table',
        handler: countMessages,
        path: 'messages/counts',
        query: { table: 'orders' },
      },
    ];
    for (const query of queries) {
      const timings: number[] = [];
      let rows = 0;
      for (let repeat = 0; repeat <= REPEATS; repeat++) {
        const url = new URL(`http://console/api/v1/sinks/${sink.id}/${query.path}`);
        for (const [key, value] of Object.entries(query.query)) url.searchParams.set(key, value);
        const started = performance.now();
        const response = await query.handler(
          new Request(url, { headers: { authorization: `Bearer ${token}` } }),
          { params: Promise.resolve({ id: sink.id }) },
        );
        const body = (await response.json()) as { messages?: unknown[] };
        const elapsed = performance.now() - started;
        if (!response.ok) throw new Error(`${query.name}: ${response.status} ${JSON.stringify(body)}`);
        rows = body.messages?.length ?? 1;
        if (repeat > 0) timings.push(elapsed); // the first call warms the connection pool
      }
      timings.sort((a, b) => a - b);
      const run = `console: Messages tab, ${query.name} (${fmt(total)} messages on the sink)`;
      table.add({
        run,
        measure: `server time, slowest of ${REPEATS}`,
        value: timings.at(-1) ?? 0,
        unit: 'ms',
        digits: 1,
        target: { kind: 'at most', value: 300, unit: 'ms' },
        compareWith: table.ceilings.latencyFloor,
      });
      table.note(
        `${run}: p50 ${fmt(timings[Math.floor(timings.length / 2)] ?? 0, 1)} ms, ${rows} row${rows === 1 ? '' : 's'} returned.`,
      );
    }
  } finally {
    const holder = globalThis as { shardlineDatabase?: { close(): Promise<void> } };
    await holder.shardlineDatabase?.close();
    await db.close();
    await database.drop();
  }
}

/**
 * 90% delivered, 8% pending, 2% failing (half of them throttled), in 10,000 groups over two
 * tables, written with one INSERT … SELECT so the fixture takes seconds, not minutes.
 */
async function storeMessages(
  pool: { query(sql: string, params?: unknown[]): Promise<unknown> },
  sinkId: string,
  total: number,
): Promise<void> {
  const delivered = Math.round(total * 0.9);
  const pending = Math.round(total * 0.08);
  await pool.query(
    `INSERT INTO message (sink_id, group_key, lane, commit_lsn, commit_idx, table_schema, table_name, action, payload,
                          size_bytes, state, deliver_count, delivered_at, shard_id, sequence_number,
                          last_error_code, last_error_message, last_error_at, next_attempt_at, created_at)
     SELECT $1::uuid, 'customer-' || (g % 10000), (g % 8)::int2, g / 100 + 1, (g % 100)::int4, 'public',
            CASE WHEN g % 2 = 0 THEN 'orders' ELSE 'customers' END,
            (ARRAY['insert','update','delete'])[g % 3 + 1]::message_action,
            json_build_object('record', json_build_object('id', g, 'note', repeat('x', 300)), 'action', 'update'),
            420,
            CASE WHEN g <= $2 THEN 'delivered' WHEN g <= $2 + $3 THEN 'pending' ELSE 'failing' END::message_state,
            CASE WHEN g <= $2 + $3 THEN 1 ELSE 3 END,
            CASE WHEN g <= $2 THEN now() - (($4 - g) || ' milliseconds')::interval END,
            CASE WHEN g <= $2 THEN 'shardId-00000000000' || (g % 4) END,
            CASE WHEN g <= $2 THEN '4960' || g END,
            CASE WHEN g > $2 + $3 THEN (ARRAY['ProvisionedThroughputExceededException','RecordTooLarge'])[g % 2 + 1] END,
            CASE WHEN g > $2 + $3 THEN 'Rate exceeded for shard shardId-000000000001' END,
            CASE WHEN g > $2 + $3 THEN now() END,
            now() + interval '1 minute', now()
       FROM generate_series(1, $4::int) AS g`,
    [sinkId, delivered, pending, total],
  );
  await pool.query('VACUUM ANALYZE message');
}
