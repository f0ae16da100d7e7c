import { createServer, type Server } from 'node:net';
import { type ReplicaLevelPostgres, redisUrl, startReplicaLevelPostgres } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStartSettings, runPreflight, StartProblem, type StartSettings } from '../src';

// Nothing listens on port 1: a connection there is refused at once.
const NOTHING_LISTENS = 1;
let replica: ReplicaLevelPostgres;
let busy: Server;
let busyPort: number;
let freePorts: number[];

/** Ports nobody listened on a moment ago (the emulator's pair: two in a row are rarely free). */
async function unusedPort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, () => resolve((server.address() as { port: number }).port)),
  );
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  replica = await startReplicaLevelPostgres();
  busy = createServer();
  busyPort = await new Promise<number>((resolve) =>
    busy.listen(0, () => resolve((busy.address() as { port: number }).port)),
  );
  freePorts = [await unusedPort(), await unusedPort(), await unusedPort()];
});

afterAll(async () => {
  await replica?.stop();
  await new Promise((resolve) => busy.close(resolve));
});

/** Settings as npm start reads them, on the shared Postgres and Redis and ports nobody uses. */
function settings(env: Record<string, string> = {}): StartSettings {
  return readStartSettings({
    DATABASE_URL: `${(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres').replace(/\/[^/]*$/, '')}/shardline`,
    REDIS_URL: redisUrl(),
    SHARDLINE_CONSOLE_PORT: String(freePorts[0]),
    SHARDLINE_DEMO_KINESIS_PORT: String(freePorts[1]),
    SHARDLINE_ENGINE_PORT: String(freePorts[2]),
    ...env,
  });
}

async function problemOf(run: Promise<unknown>): Promise<StartProblem> {
  const error = await run.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(StartProblem);
  return error as StartProblem;
}

describe('the checks before npm start builds anything', () => {
  it('passes on a machine with Postgres (wal_level logical) and Redis', async () => {
    expect(await runPreflight(settings())).toEqual({
      notes: [],
      postgres: { kind: 'server', walLevel: 'logical' },
    });
  });

  it('says a Postgres of DATABASE_URL cannot be reached, and how to start it', async () => {
    const problem = await problemOf(
      runPreflight(
        settings({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${NOTHING_LISTENS}/shardline` }),
      ),
    );
    expect(problem.message).toBe(
      'Cannot reach Postgres at 127.0.0.1:1 (connection refused: nothing listens there)',
    );
    expect(problem.fix).toContain('docker compose up -d postgres redis');
    expect(problem.fix).toContain('DATABASE_URL');
    // A URL someone set is the server they want: no embedded one stands in for it.
    expect(problem.fix).toContain('Without DATABASE_URL, npm start runs a Postgres of its own');
  });

  it('says Redis cannot be reached, and how to install and start it on Debian, macOS or Docker', async () => {
    const problem = await problemOf(
      runPreflight(settings({ REDIS_URL: `redis://127.0.0.1:${NOTHING_LISTENS}` })),
    );
    expect(problem.message).toBe(
      'Cannot reach Redis at 127.0.0.1:1 (connection refused: nothing listens there)',
    );
    expect(problem.fix).toContain('`sudo apt-get install redis-server`');
    expect(problem.fix).toContain('`brew install redis && brew services start redis`');
    expect(problem.fix).toContain('`docker compose up -d redis`');
    expect(problem.fix).toContain('REDIS_URL');
  });

  it('puts the demo on an embedded Postgres when the server runs with wal_level = replica', async () => {
    const replicaUrl = replica.url.replace(/\/postgres$/, '/shardline');
    expect(await runPreflight(settings({ DATABASE_URL: replicaUrl }))).toEqual({
      notes: [],
      postgres: { kind: 'demo-embedded', walLevel: 'replica' },
    });

    // Without the demo Shardline's own database does not need it: a note, no embedded server.
    const { notes, postgres } = await runPreflight(
      settings({ DATABASE_URL: replicaUrl, SHARDLINE_DEMO: 'false' }),
    );
    expect(postgres).toEqual({ kind: 'server', walLevel: 'replica' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^Note: Postgres at .* runs with wal_level = replica; sources on that server cannot be read until it is logical.*ALTER SYSTEM SET wal_level = logical/,
    );
  });

  it("names the setting to change when the console's, the engine's or the emulator's port is taken", async () => {
    const consolePort = await problemOf(runPreflight(settings({ SHARDLINE_CONSOLE_PORT: String(busyPort) })));
    expect(consolePort.message).toBe(
      `Port ${busyPort}, where the console would listen, is in use by another program`,
    );
    expect(consolePort.fix).toContain('SHARDLINE_CONSOLE_PORT');

    const enginePort = await problemOf(runPreflight(settings({ SHARDLINE_ENGINE_PORT: String(busyPort) })));
    expect(enginePort.message).toBe(
      `Port ${busyPort}, where the engine's /metrics, /healthz and /readyz would listen, is in use by another program`,
    );
    expect(enginePort.fix).toContain('SHARDLINE_ENGINE_PORT');
    // 0 lets the engine pick a free port: nothing to check.
    await runPreflight(settings({ SHARDLINE_ENGINE_PORT: '0' }));

    const emulatorPort = await problemOf(
      runPreflight(settings({ SHARDLINE_DEMO_KINESIS_PORT: String(busyPort) })),
    );
    expect(emulatorPort.fix).toContain('SHARDLINE_DEMO_KINESIS_PORT');
    // Without the demo no emulator runs, so its port does not matter.
    await runPreflight(settings({ SHARDLINE_DEMO_KINESIS_PORT: String(busyPort), SHARDLINE_DEMO: 'false' }));
  });
});
