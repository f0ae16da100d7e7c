import { execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

/**
 * A throwaway PostgreSQL cluster with `wal_level = replica`, on 127.0.0.1 only. The superuser
 * `postgres` is trusted; every other role must give its password (SCRAM), so a wrong password
 * can be tested here, unlike on the main test server where every local connection is trusted.
 */
export interface ReplicaLevelPostgres {
  /** Connects as the superuser `postgres` to the `postgres` database. */
  url: string;
  host: string;
  port: number;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
}

const run = promisify(execFile);
const START_ATTEMPTS = 3;
// initdb refuses to run as root, and the files must belong to the user the server runs as.
const OS_USER = 'postgres';

const PG_HBA = [
  '# TYPE  DATABASE  USER      ADDRESS       METHOD',
  'host    all       postgres  127.0.0.1/32  trust',
  'host    all       all       127.0.0.1/32  scram-sha-256',
  '',
].join('\n');

// Runs in its own session, so it outlives this process however this process ends (even SIGKILL,
// which skips exit handlers): when the pipe from this process closes, it stops the cluster.
const WATCHDOG = `
const { execFileSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const [command, args, dir] = JSON.parse(process.argv[1]);
process.stdin.on('data', () => {}).on('close', () => {
  try { execFileSync(command, args, { stdio: 'ignore', timeout: 60000 }); } catch {}
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}).resume();
`;

export async function startReplicaLevelPostgres(): Promise<ReplicaLevelPostgres> {
  const binDir = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'shardline-pg-'));
  const dataDir = join(dir, 'data');
  const asServerUser = serverUserCommand();
  const [stopCommand, stopArgs] = asServerUser(join(binDir, 'pg_ctl'), [
    'stop',
    '-D',
    dataDir,
    '-m',
    'immediate',
    '-w',
  ]);

  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, JSON.stringify([stopCommand, stopArgs, dir])], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.unref();
  (watchdog.stdin as unknown as Socket).unref();
  const stopSync = () => {
    try {
      execFileSync(stopCommand, stopArgs, { stdio: 'ignore', timeout: 60_000 });
    } catch {
      // Not running (any more): only the files are left to delete.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);
  const watchdogExited = new Promise<void>((resolve) => watchdog.once('exit', () => resolve()));

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      process.off('exit', stopSync);
      await run(stopCommand, stopArgs).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
      watchdog.stdin?.end();
      await watchdogExited;
    })();
    return stopped;
  };

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
    const port = await startServer(binDir, dir, dataDir, asServerUser);
    const host = '127.0.0.1';
    return { url: `postgresql://postgres@${host}:${port}/postgres`, host, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startServer(
  binDir: string,
  dir: string,
  dataDir: string,
  asServerUser: CommandWrapper,
): Promise<number> {
  let lastError: unknown;
  // A probed port can be taken by someone else before the server binds it.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await freePort();
    const settings = [
      'wal_level=replica',
      'listen_addresses=127.0.0.1',
      `port=${port}`,
      // TCP only: the socket directory of the main server belongs to it.
      "unix_socket_directories=''",
      'fsync=off',
      'max_connections=20',
      'shared_buffers=16MB',
    ];
    try {
      await run(
        ...asServerUser(join(binDir, 'pg_ctl'), [
          'start',
          '-D',
          dataDir,
          '-l',
          join(dir, 'server.log'),
          '-w',
          '-t',
          '60',
          '-o',
          settings.map((setting) => `-c ${setting}`).join(' '),
        ]),
      );
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`the replica-level PostgreSQL did not start: ${(lastError as Error).message}`, {
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
