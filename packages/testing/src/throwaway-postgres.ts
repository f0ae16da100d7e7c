import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startCleanupWatchdog } from '@shardline/local-postgres';
import { freePort } from './free-port';

export interface ThrowawayPostgresOptions {
  /** Default `replica`: what a fresh server has. `logical` lets it be a change source. */
  walLevel?: 'replica' | 'logical';
  /** Default 20. */
  maxConnections?: number;
}

/** How the server stops: `fast` ends sessions cleanly (what a restart does), `immediate` as a crash would. */
export type PostgresStopMode = 'fast' | 'immediate';

/**
 * A PostgreSQL cluster of its own, on 127.0.0.1 only, deleted when stopped. The superuser
 * `postgres` is trusted (for replication connections too); every other role must give its
 * password (SCRAM, for replication connections too), so a wrong password can be tested here, unlike on the main test server where
 * every local connection is trusted. It can be stopped and started again, which the shared test
 * server must never be.
 */
export interface ThrowawayPostgres {
  /** Connects as the superuser `postgres` to the `postgres` database. */
  url: string;
  host: string;
  port: number;
  /** Stops the server and keeps its files; every connection to it breaks. */
  stopServer(mode?: PostgresStopMode): Promise<void>;
  /** Starts the server stopped by stopServer() again, on the same port, with the same data. */
  startServer(): Promise<void>;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
}

/** A throwaway cluster with `wal_level = replica`: a source Shardline must refuse. */
export type ReplicaLevelPostgres = ThrowawayPostgres;

const run = promisify(execFile);
const START_ATTEMPTS = 3;
// initdb refuses to run as root, and the files must belong to the user the server runs as.
const OS_USER = 'postgres';

const PG_HBA = [
  '# TYPE  DATABASE     USER      ADDRESS       METHOD',
  'host    all          postgres  127.0.0.1/32  trust',
  'host    replication  postgres  127.0.0.1/32  trust',
  'host    all          all       127.0.0.1/32  scram-sha-256',
  'host    replication  all       127.0.0.1/32  scram-sha-256',
  '',
].join('\n');

export function startReplicaLevelPostgres(): Promise<ReplicaLevelPostgres> {
  return startThrowawayPostgres({ walLevel: 'replica' });
}

export async function startThrowawayPostgres(
  options: ThrowawayPostgresOptions = {},
): Promise<ThrowawayPostgres> {
  const binDir = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'shardline-pg-'));
  const dataDir = join(dir, 'data');
  const asServerUser = serverUserCommand();
  const pgCtl = (args: string[]) => asServerUser(join(binDir, 'pg_ctl'), args);
  const stopArgs = (mode: PostgresStopMode) => ['stop', '-D', dataDir, '-m', mode, '-w'];
  const watchdog = startCleanupWatchdog(...pgCtl(stopArgs('immediate')), dir);

  const stopSync = () => {
    try {
      execFileSync(...pgCtl(stopArgs('immediate')), { stdio: 'ignore', timeout: 60_000 });
    } catch {
      // Not running (any more): only the files are left to delete.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      process.off('exit', stopSync);
      await run(...pgCtl(stopArgs('immediate'))).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
      await watchdog.release();
    })();
    return stopped;
  };

  const settings = (port: number) => [
    `wal_level=${options.walLevel ?? 'replica'}`,
    'listen_addresses=127.0.0.1',
    `port=${port}`,
    // TCP only: the socket directory of the main server belongs to it.
    "unix_socket_directories=''",
    'fsync=off',
    `max_connections=${options.maxConnections ?? 20}`,
    'shared_buffers=16MB',
  ];
  const startOn = (port: number) =>
    run(
      ...pgCtl([
        'start',
        '-D',
        dataDir,
        '-l',
        join(dir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        settings(port)
          .map((setting) => `-c ${setting}`)
          .join(' '),
      ]),
    );

  try {
    if (asServerUser !== asCurrentUser) {
      const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, OS_USER]).toString()));
      chownSync(dir, uid as number, gid as number);
    }
    await run(
      ...asServerUser(join(binDir, 'initdb'), [
        '-D',
        dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions',
      ]),
    );
    writeFileSync(join(dataDir, 'pg_hba.conf'), PG_HBA);
    const port = await startOnFreePort(startOn);
    const host = '127.0.0.1';
    return {
      url: `postgresql://postgres@${host}:${port}/postgres`,
      host,
      port,
      async stopServer(mode = 'fast') {
        await run(...pgCtl(stopArgs(mode)));
      },
      async startServer() {
        await startOn(port);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startOnFreePort(startOn: (port: number) => Promise<unknown>): Promise<number> {
  let lastError: unknown;
  // A probed port can be taken by someone else before the server binds it.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await freePort();
    try {
      await startOn(port);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`the throwaway PostgreSQL did not start: ${(lastError as Error).message}`, {
    cause: lastError,
  });
}

type CommandWrapper = (command: string, args: string[]) => [string, string[]];

const asCurrentUser: CommandWrapper = (command, args) => [command, args];

function serverUserCommand(): CommandWrapper {
  if (process.getuid?.() !== 0) return asCurrentUser;
  return (command, args) => ['runuser', ['-u', OS_USER, '--', command, ...args]];
}

/** Where initdb and pg_ctl are: POSTGRES_BIN_DIR, else what pg_config says, else the PATH. */
function postgresBinDir(): string {
  const candidates = [process.env.POSTGRES_BIN_DIR, pgConfigBinDir()];
  for (const dir of candidates) if (dir && existsSync(join(dir, 'initdb'))) return dir;
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, 'initdb'))) return dir;
  throw new Error('initdb not found: set POSTGRES_BIN_DIR to the directory holding initdb and pg_ctl');
}

function pgConfigBinDir(): string | undefined {
  try {
    return execFileSync('pg_config', ['--bindir'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}
