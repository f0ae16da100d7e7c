import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { freePort } from './free-port';
import { EXIT_WHEN_STDIN_CLOSES, killChildOnExit } from './kill-with-parent';
import { createTestKinesisClient, TEST_REGION } from './kinesis-client';

export interface KinesisEmulator {
  /** Plain HTTP endpoint, e.g. http://127.0.0.1:41234 */
  endpoint: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const START_ATTEMPTS = 3;
const OUTPUT_TAIL_CHARS = 8_000;

// Every simulated state transition the emulator supports, so tests never wait on the 500 ms default.
const SHORT_DURATIONS = Object.fromEntries(
  [
    'CREATE_STREAM_DURATION',
    'DELETE_STREAM_DURATION',
    'REGISTER_STREAM_CONSUMER_DURATION',
    'DEREGISTER_STREAM_CONSUMER_DURATION',
    'START_STREAM_ENCRYPTION_DURATION',
    'STOP_STREAM_ENCRYPTION_DURATION',
    'MERGE_SHARDS_DURATION',
    'SPLIT_SHARD_DURATION',
    'UPDATE_SHARD_COUNT_DURATION',
    'UPDATE_STREAM_MODE_DURATION',
  ].map((name) => [name, '50ms']),
);

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('kinesis-local/package.json'));
}

/** Starts kinesis-local on free ports and resolves once it answers ListStreams. */
export async function startKinesisEmulator(): Promise<KinesisEmulator> {
  let lastError: unknown;
  // A probed port can be grabbed by someone else before the emulator binds it.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(): Promise<KinesisEmulator> {
  const dir = packageDir();
  const [plainPort, tlsPort] = [await freePort(), await freePort()];
  const { NODE_OPTIONS: _parentLoaders, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', EXIT_WHEN_STDIN_CLOSES, join(dir, 'main.js')], {
    cwd: tmpdir(),
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...parentEnv,
      ...SHORT_DURATIONS,
      KINESIS_MOCK_CERT_PATH: join(dir, 'server.json'),
      KINESIS_MOCK_PLAIN_PORT: String(plainPort),
      KINESIS_MOCK_TLS_PORT: String(tlsPort),
      AWS_REGION: TEST_REGION,
      AWS_ACCOUNT_ID: '000000000000',
      // One emulator serves a whole test run; the default of 50 shards per account runs out fast.
      SHARD_LIMIT: '100000',
      ON_DEMAND_STREAM_COUNT_LIMIT: '100000',
      SHOULD_PERSIST_DATA: 'false',
      LOAD_DATA_IF_EXISTS: 'false',
      LOG_LEVEL: 'WARN',
    },
  });
  const cancelKillOnExit = killChildOnExit(child);

  // Drained so the child never blocks on a full pipe; the tail explains a failed start.
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);
  // A test that forgets stop() must not keep its process alive; the stdin watchdog reaps the child.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as Socket).unref();

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // kinesis-local ignores SIGTERM and SIGINT.
      child.kill('SIGKILL');
      await exited;
    }
    cancelKillOnExit();
  };

  const endpoint = `http://127.0.0.1:${plainPort}`;
  try {
    await waitUntilReady(endpoint, exited);
  } catch (error) {
    await stop();
    throw new Error(`kinesis-local did not start: ${(error as Error).message}\n${output}`, { cause: error });
  }
  return { endpoint, stop };
}

async function waitUntilReady(endpoint: string, exited: Promise<void>): Promise<void> {
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const client = createTestKinesisClient(endpoint);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        await client.send(new ListStreamsCommand({}));
        return;
      } catch (error) {
        if (hasExited) throw new Error('the process exited');
        if (Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    client.destroy();
  }
}
