import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { LOCAL_KINESIS_ACCOUNT, LOCAL_KINESIS_REGION } from '@shardline/local-kinesis';
import { DEMO_SINK_NAME, DEMO_STREAM_NAME, OVERSIZE_ORDER_ID } from '@shardline/start';
import {
  createSourceDatabase,
  createTestDatabase,
  deleteRedisKeys,
  freePort,
  readAllRecords,
  redisUrl,
  type SourceDatabase,
  type TestDatabase,
  testQueuePrefix,
  waitFor,
} from '@shardline/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as a user runs it, on the build `npm test` made before (SHARDLINE_BUILD=false: a
 * second production build of the console would take minutes), with ports and databases of its own.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const STARTED_MS = 120_000;
const queuePrefix = testQueuePrefix();

let shardline: TestDatabase;
let demoSource: SourceDatabase;
let start: ChildProcess | undefined;
let output = '';
let exited: Promise<number | null>;
const ports = { console: 0, engine: 0, kinesis: 0 };

/** A free port whose next port is free too (the emulator takes both). */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const next = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port + 1, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (next) return port;
  }
}

/** waitFor, with what npm start printed in the error when it times out. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  try {
    return await waitFor(what, probe, timeoutMs, 250);
  } catch (error) {
    throw new Error(`${(error as Error).message}; npm start said:\n${output}`, { cause: error });
  }
}

async function status(url: string): Promise<number> {
  return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
}

beforeAll(async () => {
  shardline = await createTestDatabase();
  demoSource = await createSourceDatabase();
  ports.console = await freePort();
  ports.engine = await freePort();
  ports.kinesis = await freePortPair();
  start = spawn(process.execPath, ['--import', 'tsx', '--no-warnings', 'scripts/start.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: shardline.url,
      REDIS_URL: redisUrl(),
      SHARDLINE_QUEUE_PREFIX: queuePrefix,
      SHARDLINE_SECRET_KEY: 'e'.repeat(64),
      SHARDLINE_BUILD: 'false',
      SHARDLINE_CONSOLE_PORT: String(ports.console),
      SHARDLINE_ENGINE_PORT: String(ports.engine),
      SHARDLINE_ENGINE_HOST: '127.0.0.1',
      SHARDLINE_DEMO_DATABASE: demoSource.name,
      SHARDLINE_DEMO_KINESIS_PORT: String(ports.kinesis),
      LOG_LEVEL: 'warn',
    },
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  start.stdout?.on('data', keep);
  start.stderr?.on('data', keep);
  const child = start;
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await until(
    'Shardline is running',
    async () => {
      if (child.exitCode !== null) throw new Error(`npm start ended (exit code ${child.exitCode})`);
      return output.includes('Shardline is running') ? true : undefined;
    },
    STARTED_MS,
  );
}, STARTED_MS + 30_000);

afterAll(async () => {
  if (start && start.exitCode === null) {
    start.kill('SIGKILL');
    await exited;
  }
  await deleteRedisKeys(queuePrefix);
  await demoSource?.drop();
  await shardline?.drop();
});

describe('npm start', () => {
  it('checks, migrates, and runs the engine, the console and the emulator, with a demo that shows delivered and failing messages', async () => {
    expect(output).toMatch(
      /✓ checks .*✓ database .*✓ migrations .*- build .*✓ emulator .*✓ engine .*✓ console .*✓ demo/s,
    );
    expect(output).toContain(
      `No account yet: create the first administrator at http://localhost:${ports.console}/setup`,
    );
    expect(await status(`http://127.0.0.1:${ports.console}/healthz`)).toBe(200);
    expect(await status(`http://127.0.0.1:${ports.engine}/readyz`)).toBe(200);

    const client = new pg.Client({ connectionString: shardline.url });
    await client.connect();
    try {
      const sinkStates = () =>
        client.query<{ state: string; last_error_code: string | null; order_id: number }>(
          `SELECT m.state, m.last_error_code, (m.payload->'record'->>'id')::int AS order_id
             FROM message m JOIN sink s ON s.id = m.sink_id WHERE s.name = $1`,
          [DEMO_SINK_NAME],
        );
      // The trickle is delivered, and the oversize order fails with its size.
      const rows = await until('the demo to deliver and to fail its oversize order', async () => {
        const { rows } = await sinkStates();
        const delivered = rows.filter((row) => row.state === 'delivered').length;
        const oversize = rows.find((row) => row.order_id === OVERSIZE_ORDER_ID);
        return delivered >= 3 && oversize?.state === 'failing' ? rows : undefined;
      });
      expect(rows.find((row) => row.order_id === OVERSIZE_ORDER_ID)?.last_error_code).toBe('RecordTooLarge');
    } finally {
      await client.end();
    }

    // What was delivered is in the emulator's stream.
    const streamArn = `arn:aws:kinesis:${LOCAL_KINESIS_REGION}:${LOCAL_KINESIS_ACCOUNT}:stream/${DEMO_STREAM_NAME}`;
    const records = await readAllRecords(`http://127.0.0.1:${ports.kinesis}`, streamArn, {
      expectCount: 3,
      timeoutMs: 30_000,
    });
    expect(records.length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(records[0]?.data ?? '{}')).toMatchObject({ metadata: { table_name: 'orders' } });
  });

  it('stops everything it started on Ctrl-C', async () => {
    start?.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const port of [ports.console, ports.engine, ports.kinesis]) {
      await expect(status(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    }
  });
});
