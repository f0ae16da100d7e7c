import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_KINESIS_ACCOUNT, LOCAL_KINESIS_REGION } from '@shardline/local-kinesis';
import { serverUser, serverUserFolder } from '@shardline/local-postgres';
import { DEMO_SINK_NAME, DEMO_SOURCE_NAME, DEMO_STREAM_NAME, OVERSIZE_ORDER_ID } from '@shardline/start';
import {
  createSourceDatabase,
  createTestDatabase,
  deleteRedisKeys,
  readAllRecords,
  redisUrl,
  type SourceDatabase,
  startThrowawayPostgres,
  type ThrowawayPostgres,
  testQueuePrefix,
} from '@shardline/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  embeddedPostgresDir,
  listening,
  NO_POSTGRES_AT_DEFAULT,
  type NpmStart,
  npmStartPorts,
  runNpmStart,
  STARTED_MS,
  signIn,
  status,
  until,
} from './npm-start-run';

/**
 * `npm start` on the three kinds of machine a new user has: a Postgres with wal_level = logical,
 * a stock one (replica), none at all; and one without Redis. Each run has its own ports, queue
 * prefix and embedded Postgres folder, never the checkout's own `.shardline`.
 */
// A start takes up to STARTED_MS; the demo's deliveries and the stop come on top.
const TEST_MS = STARTED_MS + 90_000;
const cleanups: Array<() => Promise<unknown> | unknown> = [];
const started: NpmStart[] = [];

afterAll(async () => {
  for (const run of started) await run.kill();
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 120_000);

function start(options: Parameters<typeof runNpmStart>[0]): NpmStart {
  const run = runNpmStart(options);
  started.push(run);
  return run;
}

interface ApiMessage {
  id: string;
  /** The order's id: the demo groups by the primary key. */
  group: string;
  lastError: { code: string } | null;
  delivered: { shardId: string; sequenceNumber: string } | null;
}

/** The demo as the API shows it, once it has delivered `delivered` messages and failed the oversize one. */
async function demoThroughApi(run: NpmStart, consolePort: number, delivered: number) {
  const get = await signIn(consolePort);
  const { sinks } = await get<{ sinks: Array<{ id: string; name: string }> }>('/api/v1/sinks');
  const sink = sinks.find((candidate) => candidate.name === DEMO_SINK_NAME);
  expect(sink, `the sinks are ${JSON.stringify(sinks)}`).toBeDefined();
  const list = (state: string) =>
    get<{ messages: ApiMessage[] }>(`/api/v1/sinks/${sink?.id}/messages?state=${state}&limit=500`);
  const messages = await until(
    `${delivered} delivered messages and the oversize order failing, through the API`,
    async () => {
      const [done, failing] = await Promise.all([list('delivered'), list('failing')]);
      return done.messages.length >= delivered && failing.messages.length > 0
        ? { delivered: done.messages, failing: failing.messages }
        : undefined;
    },
    run.output,
  );
  const { sources } = await get<{ sources: Array<{ name: string; host: string; port: number }> }>(
    '/api/v1/sources',
  );
  return {
    sinkId: sink?.id,
    ...messages,
    source: sources.find((source) => source.name === DEMO_SOURCE_NAME),
  };
}

/** Ctrl-C ends npm start with 0, and nothing it started listens any more. */
async function interruptAndExpectAllStopped(run: NpmStart, ports: number[]): Promise<void> {
  expect(await run.interrupt()).toBe(0);
  for (const port of ports) expect(await listening(port), `something still listens on ${port}`).toBe(false);
}

function embeddedPort(output: string): number {
  const port = /an embedded Postgres at 127\.0\.0\.1:(\d+)/.exec(output)?.[1];
  expect(port, output).toBeDefined();
  return Number(port);
}

describe('npm start on a Postgres with wal_level = logical', () => {
  it(
    'runs everything there, as before: the engine, the console, the emulator and a demo with delivered and failing messages',
    async () => {
      const shardline = await createTestDatabase();
      const demoSource: SourceDatabase = await createSourceDatabase();
      const queuePrefix = testQueuePrefix();
      const embedded = embeddedPostgresDir();
      cleanups.push(
        () => shardline.drop(),
        () => demoSource.drop(),
        () => deleteRedisKeys(queuePrefix),
        () => embedded.remove(),
      );
      const ports = await npmStartPorts();
      const run = start({
        ports,
        queuePrefix,
        env: {
          DATABASE_URL: shardline.url,
          REDIS_URL: redisUrl(),
          SHARDLINE_DEMO_DATABASE: demoSource.name,
          SHARDLINE_EMBEDDED_POSTGRES_DIR: embedded.dir,
        },
      });
      await run.running();
      const output = run.output();
      expect(output).toMatch(
        /✓ checks .*- embedded postgres .*✓ database .*✓ migrations .*- build .*✓ emulator .*✓ engine .*✓ console .*✓ demo/s,
      );
      expect(output).toContain(`Postgres: 127.0.0.1:5432 holds Shardline's database and the demo's source.`);
      expect(existsSync(embedded.dir)).toBe(false);
      expect(output).toContain(
        `No account yet: create the first administrator at http://localhost:${ports.console}/setup`,
      );
      expect(await status(`http://127.0.0.1:${ports.console}/healthz`)).toBe(200);
      expect(await status(`http://127.0.0.1:${ports.engine}/readyz`)).toBe(200);

      const client = new pg.Client({ connectionString: shardline.url });
      await client.connect();
      try {
        const rows = await until(
          'the demo to deliver and to fail its oversize order',
          async () => {
            const { rows } = await client.query<{ state: string; code: string | null; order_id: number }>(
              `SELECT m.state, m.last_error_code AS code, (m.payload->'record'->>'id')::int AS order_id
               FROM message m JOIN sink s ON s.id = m.sink_id WHERE s.name = $1`,
              [DEMO_SINK_NAME],
            );
            const oversize = rows.find((row) => row.order_id === OVERSIZE_ORDER_ID);
            return rows.filter((row) => row.state === 'delivered').length >= 3 &&
              oversize?.state === 'failing'
              ? rows
              : undefined;
          },
          run.output,
        );
        expect(rows.find((row) => row.order_id === OVERSIZE_ORDER_ID)?.code).toBe('RecordTooLarge');
      } finally {
        await client.end();
      }
      // What was delivered is in the emulator's stream.
      const streamArn = `arn:aws:kinesis:${LOCAL_KINESIS_REGION}:${LOCAL_KINESIS_ACCOUNT}:stream/${DEMO_STREAM_NAME}`;
      const records = await readAllRecords(`http://127.0.0.1:${ports.kinesis}`, streamArn, {
        expectCount: 3,
        timeoutMs: 30_000,
      });
      expect(JSON.parse(records[0]?.data ?? '{}')).toMatchObject({ metadata: { table_name: 'orders' } });

      await interruptAndExpectAllStopped(run, [ports.console, ports.engine, ports.kinesis]);
    },
    TEST_MS,
  );
});

describe('npm start on a stock Postgres (wal_level = replica)', () => {
  let cluster: ThrowawayPostgres;

  it(
    "runs the demo's source on an embedded Postgres, leaves the server as it was, and stops it all on Ctrl-C",
    async () => {
      cluster = await startThrowawayPostgres({ walLevel: 'replica' });
      const queuePrefix = testQueuePrefix();
      const embedded = embeddedPostgresDir();
      cleanups.push(
        () => cluster.stop(),
        () => deleteRedisKeys(queuePrefix),
        () => embedded.remove(),
      );
      const serverState = async () => {
        const client = new pg.Client({ connectionString: cluster.url });
        await client.connect();
        try {
          return (
            await client.query<{ wal_level: string; started: Date }>(
              `SELECT current_setting('wal_level') AS wal_level, pg_postmaster_start_time() AS started`,
            )
          ).rows[0];
        } finally {
          await client.end();
        }
      };
      const before = await serverState();
      const ports = await npmStartPorts();
      const run = start({
        ports,
        queuePrefix,
        env: {
          DATABASE_URL: cluster.url.replace(/\/postgres$/, '/shardline'),
          REDIS_URL: redisUrl(),
          SHARDLINE_ADMIN_EMAIL: ADMIN.email,
          SHARDLINE_ADMIN_PASSWORD: ADMIN.password,
          SHARDLINE_EMBEDDED_POSTGRES_DIR: embedded.dir,
        },
      });
      await run.running();
      const port = embeddedPort(run.output());
      expect(run.output()).toMatch(/✓ checks .*✓ embedded postgres .*✓ database/s);
      expect(run.output()).toContain(
        `Postgres: Shardline's database on 127.0.0.1:${cluster.port}; the demo's source on an embedded Postgres at 127.0.0.1:${port} (wal_level = logical, data in ${embedded.dataPlace()}), as 127.0.0.1:${cluster.port} runs with wal_level = replica and is left as it is.`,
      );

      const demo = await demoThroughApi(run, ports.console, 3);
      expect(demo.failing.map((message) => [message.group, message.lastError?.code])).toEqual([
        [String(OVERSIZE_ORDER_ID), 'RecordTooLarge'],
      ]);
      // Delivered: each landed on a shard of the emulator's stream.
      expect(demo.delivered.every((message) => message.delivered?.sequenceNumber)).toBe(true);
      expect(demo.source).toMatchObject({ host: '127.0.0.1', port });
      // Never reconfigured, never restarted.
      expect(await serverState()).toEqual(before);

      await interruptAndExpectAllStopped(run, [ports.console, ports.engine, ports.kinesis]);
      const refused = new pg.Client({
        connectionString: `postgresql://postgres:x@127.0.0.1:${port}/postgres`,
      });
      refused.on('error', () => {});
      await expect(refused.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    },
    TEST_MS,
  );
});

// Its folder is closed to other users, as a clone under /root is: run as root (as CI is), the
// server's user cannot enter it, so the cluster lives in that user's home, and a restart finds it.
describe('npm start with no Postgres at all at the default address, from a closed folder', () => {
  const queuePrefix = testQueuePrefix();
  const embedded = embeddedPostgresDir({ closed: true });
  cleanups.push(
    () => deleteRedisKeys(queuePrefix),
    () => embedded.remove(),
  );
  const env = {
    // Empty: not set (and the checkout's .env cannot set it either).
    DATABASE_URL: '',
    REDIS_URL: redisUrl(),
    SHARDLINE_ADMIN_EMAIL: ADMIN.email,
    SHARDLINE_ADMIN_PASSWORD: ADMIN.password,
    SHARDLINE_EMBEDDED_POSTGRES_DIR: embedded.dir,
  };
  let first: Awaited<ReturnType<typeof demoThroughApi>>;

  it(
    'puts everything on the embedded Postgres, says how to use a real one, and stops it on Ctrl-C',
    async () => {
      const ports = await npmStartPorts();
      const run = start({ ports, queuePrefix, env, preload: [NO_POSTGRES_AT_DEFAULT] });
      await run.running();
      const port = embeddedPort(run.output());
      const dataPlace = embedded.dataPlace();
      const user = serverUser();
      if (user) {
        // As root: the cluster is in the home of the user postgres, none in the closed folder.
        const home = serverUserFolder(user, embedded.dir);
        expect(dataPlace).toContain(
          `${home}: npm start runs as root, so Postgres runs as the user "postgres"`,
        );
        expect(existsSync(join(home, 'data', 'PG_VERSION'))).toBe(true);
        expect(existsSync(join(embedded.dir, 'data'))).toBe(false);
      }
      expect(run.output()).toContain(
        `Postgres: none at 127.0.0.1:5432 (connection refused: nothing listens there), so Shardline's database and the demo's source are on an embedded Postgres at 127.0.0.1:${port} (wal_level = logical, data in ${dataPlace}). To use a server of yours, start it there or set DATABASE_URL in .env, then npm start again.`,
      );
      first = await demoThroughApi(run, ports.console, 3);
      expect(first.source).toMatchObject({ host: '127.0.0.1', port });
      await interruptAndExpectAllStopped(run, [ports.console, ports.engine, ports.kinesis, port]);
    },
    TEST_MS,
  );

  it(
    "starts again from the same data: the demo's sink, its source and its messages are still there",
    async () => {
      expect(first, 'the first start ran').toBeDefined();
      const ports = await npmStartPorts();
      const run = start({ ports, queuePrefix, env, preload: [NO_POSTGRES_AT_DEFAULT] });
      await run.running();
      const again = await demoThroughApi(run, ports.console, first.delivered.length + 3);
      expect(again.sinkId).toBe(first.sinkId);
      // Nothing delivered before is lost, the trickle carries on, the oversize order is not added again.
      const ids = (messages: ApiMessage[]) => messages.map((message) => message.id);
      expect(ids(again.delivered)).toEqual(expect.arrayContaining(ids(first.delivered)));
      expect(again.failing.map((message) => message.id)).toEqual(ids(first.failing));
      expect(again.failing.map((message) => message.group)).toEqual([String(OVERSIZE_ORDER_ID)]);
      expect(run.output()).toContain('Sign in at');
      await interruptAndExpectAllStopped(run, [
        ports.console,
        ports.engine,
        ports.kinesis,
        embeddedPort(run.output()),
      ]);
    },
    TEST_MS,
  );
});

describe('npm start without Redis', () => {
  it('stops before starting anything, saying how to install and start Redis', async () => {
    const queuePrefix = testQueuePrefix();
    const embedded = embeddedPostgresDir();
    cleanups.push(() => embedded.remove());
    const run = start({
      ports: await npmStartPorts(),
      queuePrefix,
      env: {
        DATABASE_URL: '',
        REDIS_URL: 'redis://127.0.0.1:1',
        SHARDLINE_EMBEDDED_POSTGRES_DIR: embedded.dir,
      },
      preload: [NO_POSTGRES_AT_DEFAULT],
    });
    expect(await run.exited).toBe(1);
    const output = run.output();
    expect(output).toContain(
      '✗ Cannot reach Redis at 127.0.0.1:1 (connection refused: nothing listens there)',
    );
    expect(output).toContain(
      'To fix: install and start it: on Debian or Ubuntu `sudo apt-get install redis-server` (it starts at once; if not, `sudo systemctl start redis-server`); on macOS `brew install redis && brew services start redis`; with Docker `docker compose up -d redis`.',
    );
    expect(existsSync(embedded.dir)).toBe(false);
  }, 30_000);
});
