import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startReplicaLevelPostgres } from '@shardline/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const CLEANUP_TIMEOUT_MS = 30_000;

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + CLEANUP_TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('startReplicaLevelPostgres', () => {
  it('runs a wal_level=replica cluster that stop() removes', async () => {
    const cluster = await startReplicaLevelPostgres();
    let dataDir = '';
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ wal_level: string; dir: string; listen: string }>(
          `SELECT current_setting('wal_level') AS wal_level, current_setting('data_directory') AS dir,
                  current_setting('listen_addresses') AS listen`,
        );
        expect(rows[0]).toMatchObject({ wal_level: 'replica', listen: '127.0.0.1' });
        dataDir = rows[0]?.dir ?? '';
        expect(existsSync(dataDir)).toBe(true);
      } finally {
        await client.end();
      }
    } finally {
      await cluster.stop();
    }
    expect(existsSync(dataDir)).toBe(false);
    expect(await canConnect(cluster.url)).toBe(false);
  });

  it('is stopped and deleted when the process that started it is killed', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const child = spawn(
      process.execPath,
      ['--import', tsx, new URL('./fixtures/hold-replica-level-postgres.ts', import.meta.url).pathname],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const started = await new Promise<{ url: string; dataDir: string }>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('\n')) resolve(JSON.parse(output));
      });
      child.once('exit', (code) =>
        reject(new Error(`the child exited (${code}) before starting its cluster`)),
      );
    });
    expect(await canConnect(started.url)).toBe(true);

    // SIGKILL: no exit handler runs, so only the watchdog can clean up.
    child.kill('SIGKILL');
    await waitUntil(async () => !(await canConnect(started.url)), 'the cluster stopped');
    await waitUntil(() => !existsSync(started.dataDir), 'the cluster files were deleted');
  });
});
