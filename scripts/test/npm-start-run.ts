import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findPostgresBinaries,
  findRelocation,
  serverUser,
  serverUserFolder,
  whyRelocated,
} from '@shardline/local-postgres';
import { freePort, waitFor } from '@shardline/testing';

/**
 * `npm start` as a user runs it, on the build `npm test` made before (SHARDLINE_BUILD=false: a
 * second production build of the console would take minutes), with ports of its own.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
export const STARTED_MS = 150_000;
export const ADMIN = { email: 'admin@npm-start.test', password: 'npm-start-test-password' };
/** Loaded into npm start: as on a machine without Postgres, nothing answers at 127.0.0.1:5432. */
export const NO_POSTGRES_AT_DEFAULT = fileURLToPath(
  new URL('./fixtures/no-postgres-at-default.ts', import.meta.url),
);

export interface NpmStart {
  output(): string;
  exited: Promise<number | null>;
  /** Resolves once it says Shardline is running; throws with its output if it ends first. */
  running(): Promise<void>;
  /** Ctrl-C, and its exit code. */
  interrupt(): Promise<number | null>;
  kill(): Promise<void>;
}

export interface NpmStartPorts {
  console: number;
  engine: number;
  kinesis: number;
}

export async function npmStartPorts(): Promise<NpmStartPorts> {
  return { console: await freePort(), engine: await freePort(), kinesis: await freePortPair() };
}

export interface EmbeddedPostgresDir {
  parent: string;
  /** SHARDLINE_EMBEDDED_POSTGRES_DIR. */
  dir: string;
  /** How the start line names where the data is, once npm start made `dir`. */
  dataPlace(): string;
  /** Removes it, and its cluster in the server user's home when it went there. */
  remove(): void;
}

/**
 * A folder for the embedded Postgres: open to others, as a project folder usually is, or
 * `closed` (mode 700, as a clone under /root is), which the user postgres, who runs the server
 * when tests run as root, cannot enter.
 */
export function embeddedPostgresDir(options: { closed?: boolean } = {}): EmbeddedPostgresDir {
  const parent = mkdtempSync(join(tmpdir(), 'shardline-npm-start-'));
  if (!options.closed) chmodSync(parent, 0o755);
  const dir = join(parent, 'postgres');
  const user = serverUser();
  return {
    parent,
    dir,
    dataPlace() {
      // A checkout the user postgres cannot reach sends every case there, not only the closed one.
      const relocation = findRelocation(dir, findPostgresBinaries(), user);
      return relocation ? `${relocation.dir}: ${whyRelocated(relocation)}` : dir;
    },
    remove() {
      rmSync(parent, { recursive: true, force: true });
      if (user) rmSync(serverUserFolder(user, dir), { recursive: true, force: true });
    },
  };
}

export function runNpmStart(options: {
  env: Record<string, string>;
  ports: NpmStartPorts;
  queuePrefix: string;
  /** Modules loaded into npm start's own process (not its children) before it runs. */
  preload?: string[];
}): NpmStart {
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...(options.preload ?? []).flatMap((file) => ['--import', file]),
      '--no-warnings',
      'scripts/start.ts',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SHARDLINE_QUEUE_PREFIX: options.queuePrefix,
        SHARDLINE_SECRET_KEY: 'e'.repeat(64),
        SHARDLINE_BUILD: 'false',
        SHARDLINE_CONSOLE_PORT: String(options.ports.console),
        SHARDLINE_ENGINE_PORT: String(options.ports.engine),
        SHARDLINE_ENGINE_HOST: '127.0.0.1',
        SHARDLINE_DEMO_KINESIS_PORT: String(options.ports.kinesis),
        LOG_LEVEL: 'warn',
        ...options.env,
      },
    },
  );
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-30_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    running: () =>
      until(
        'Shardline is running',
        async () => {
          if (child.exitCode !== null) throw new Error(`npm start ended (exit code ${child.exitCode})`);
          return output.includes('Shardline is running') ? true : undefined;
        },
        () => output,
        STARTED_MS,
      ).then(() => undefined),
    interrupt: () => {
      child.kill('SIGINT');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** waitFor, with what npm start printed in the error when it times out. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  output: () => string,
  timeoutMs = 60_000,
): Promise<T> {
  try {
    return await waitFor(what, probe, timeoutMs, 250);
  } catch (error) {
    throw new Error(`${(error as Error).message}; npm start said:\n${output()}`, { cause: error });
  }
}

export async function status(url: string): Promise<number> {
  return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
}

/** Whether anything accepts a TCP connection on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The console's REST API, signed in as the administrator npm start's console created. */
export async function signIn(consolePort: number): Promise<<T>(path: string) => Promise<T>> {
  const origin = `http://127.0.0.1:${consolePort}`;
  const response = await fetch(`${origin}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(ADMIN),
  });
  if (response.status !== 200)
    throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(path: string) => {
    const answer = await fetch(`${origin}${path}`, { headers: { cookie } });
    if (answer.status !== 200)
      throw new Error(`GET ${path} answered ${answer.status}: ${await answer.text()}`);
    return (await answer.json()) as T;
  };
}

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
