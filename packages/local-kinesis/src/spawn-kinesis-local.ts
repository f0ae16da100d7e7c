import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '@shardline/kinesis';
import { EXIT_WHEN_STDIN_CLOSES, killChildOnExit } from './exit-with-parent';

/** The region and account the emulator files every stream under. */
export const LOCAL_KINESIS_REGION = 'us-east-1';
export const LOCAL_KINESIS_ACCOUNT = '000000000000';

export interface KinesisLocalOptions {
  /** Plain HTTP port: the one clients use. */
  plainPort: number;
  /** The emulator's TLS listener cannot be turned off; it needs a port of its own. */
  tlsPort: number;
  /** Extra settings of the emulator (stream state durations, limits). */
  settings?: Record<string, string>;
  /** Default 60 s. */
  readyTimeoutMs?: number;
  /** Do not keep this process alive for the emulator (tests); it still dies with this process. */
  unref?: boolean;
}

export interface KinesisLocal {
  /** Plain HTTP endpoint, e.g. http://127.0.0.1:4567 */
  endpoint: string;
  /** Resolves when the emulator process ends, for whatever reason. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export class KinesisLocalStartError extends Error {
  override readonly name = 'KinesisLocalStartError';
}

const OUTPUT_TAIL_CHARS = 8_000;

/**
 * Runs kinesis-local (a JavaScript build of kinesis-mock) on 127.0.0.1 and resolves once it
 * answers ListStreams. Streams live in its memory only: a new emulator starts empty.
 */
export async function spawnKinesisLocal(options: KinesisLocalOptions): Promise<KinesisLocal> {
  const dir = dirname(createRequire(import.meta.url).resolve('kinesis-local/package.json'));
  // The parent's loaders (a test runner's, tsx's) have no business in the emulator.
  const { NODE_OPTIONS: _parentLoaders, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', EXIT_WHEN_STDIN_CLOSES, join(dir, 'main.js')], {
    cwd: tmpdir(),
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...parentEnv,
      ...options.settings,
      // Without its certificate the emulator crashes at start, though only plain HTTP is used.
      KINESIS_MOCK_CERT_PATH: join(dir, 'server.json'),
      KINESIS_MOCK_PLAIN_PORT: String(options.plainPort),
      KINESIS_MOCK_TLS_PORT: String(options.tlsPort),
      AWS_REGION: LOCAL_KINESIS_REGION,
      AWS_ACCOUNT_ID: LOCAL_KINESIS_ACCOUNT,
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
  if (options.unref) {
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as Socket).unref();
  }

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // An unref'd child's exit would not keep this process alive to see it: stop() would never
      // resolve, and a program with nothing else left to do would end silently in the middle.
      child.ref();
      // kinesis-local ignores SIGTERM and SIGINT.
      child.kill('SIGKILL');
      await exited;
    }
    cancelKillOnExit();
  };

  const endpoint = `http://127.0.0.1:${options.plainPort}`;
  try {
    await waitUntilReady(endpoint, exited, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    const tail = output.trim();
    throw new KinesisLocalStartError(
      `kinesis-local did not start on port ${options.plainPort}: ${(error as Error).message}${tail ? `\n${tail}` : ''}`,
      { cause: error },
    );
  }
  return { endpoint, exited, stop };
}

async function waitUntilReady(endpoint: string, exited: Promise<unknown>, timeoutMs: number): Promise<void> {
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const client = createKinesisClient({
    streamArn: '',
    region: LOCAL_KINESIS_REGION,
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestTimeoutMs: 2_000,
  });
  const deadline = Date.now() + timeoutMs;
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
