import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { startCleanupWatchdog } from '@shardline/local-postgres';
import { Redis } from 'ioredis';
import { freePort } from './free-port';

/** A Redis server of its own, so a test may flush or stop it without touching the shared one. */
export interface ThrowawayRedis {
  url: string;
  /** FLUSHALL: every key of every database is gone, as after a failover to an empty replica. */
  flushAll(): Promise<void>;
  stop(): Promise<void>;
}

const START_ATTEMPTS = 3;
const READY_TIMEOUT_MS = 15_000;

/** Starts `redis-server` (on the PATH) on a free port of 127.0.0.1, without persistence. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  let lastError: unknown;
  // A probed port can be taken by someone else before the server binds it.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await startOnce(await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`redis-server did not start: ${(lastError as Error).message}`, { cause: lastError });
}

async function startOnce(port: number): Promise<ThrowawayRedis> {
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as Socket).unref();
  child.unref();
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('redis-server is not on the PATH (Debian: apt-get install redis-server)')
          : error,
      ),
    );
  });
  // However this process ends, the server goes with it.
  const watchdog = startCleanupWatchdog('kill', ['-KILL', String(child.pid)]);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.ref();
      child.kill('SIGKILL');
      await exited;
    }
    await watchdog.release();
  };

  const url = `redis://127.0.0.1:${port}`;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`it exited:\n${output}`);
      try {
        await redis.connect();
        await redis.ping();
        break;
      } catch (error) {
        redis.disconnect();
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    redis.disconnect();
  }

  return {
    url,
    async flushAll() {
      const client = new Redis(url, { maxRetriesPerRequest: 1 });
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    },
    stop,
  };
}
