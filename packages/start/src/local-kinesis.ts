import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '@shardline/kinesis';
import { StartProblem } from './start-problem';

/** The region and account the emulator files every stream under. */
export const LOCAL_KINESIS_REGION = 'us-east-1';
export const LOCAL_KINESIS_ACCOUNT = '000000000000';

export interface LocalKinesis {
  /** Plain HTTP endpoint, e.g. http://127.0.0.1:4567 */
  endpoint: string;
  /** Resolves when the emulator process ends, for whatever reason. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Preloaded into the emulator: when npm start dies, however it dies (even SIGKILL, which skips
 * exit handlers), the pipe to the emulator's stdin closes and it exits instead of keeping the port.
 */
const EXIT_WHEN_STDIN_CLOSES =
  'data:text/javascript,process.stdin.on("end",()=>process.exit(0)).on("error",()=>process.exit(0)).resume()';
const READY_TIMEOUT_MS = 60_000;
const OUTPUT_TAIL_CHARS = 4_000;

/**
 * Runs kinesis-local (a JavaScript build of kinesis-mock) on `port`, HTTP only on 127.0.0.1's
 * side, and resolves once it answers ListStreams. Streams live in its memory: a restart empties
 * them (the demo creates its stream again).
 */
export async function startLocalKinesis(options: { port: number }): Promise<LocalKinesis> {
  const dir = dirname(createRequire(import.meta.url).resolve('kinesis-local/package.json'));
  const child = spawn(process.execPath, ['--import', EXIT_WHEN_STDIN_CLOSES, join(dir, 'main.js')], {
    cwd: tmpdir(),
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      // Without its certificate the emulator crashes at start, though only plain HTTP is used.
      KINESIS_MOCK_CERT_PATH: join(dir, 'server.json'),
      KINESIS_MOCK_PLAIN_PORT: String(options.port),
      // The TLS listener cannot be turned off; the port next to the plain one keeps it out of the way.
      KINESIS_MOCK_TLS_PORT: String(options.port + 1),
      AWS_REGION: LOCAL_KINESIS_REGION,
      AWS_ACCOUNT_ID: LOCAL_KINESIS_ACCOUNT,
      CREATE_STREAM_DURATION: '100ms',
      SHOULD_PERSIST_DATA: 'false',
      LOG_LEVEL: 'WARN',
    },
  });
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // kinesis-local ignores SIGTERM and SIGINT.
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  const stop = async () => {
    kill();
    await exited;
    process.off('exit', kill);
  };
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilReady(endpoint, child);
  } catch (error) {
    await stop();
    throw new StartProblem(
      `The local Kinesis emulator did not start on port ${options.port}: ${(error as Error).message}${output ? `\n${output.trim()}` : ''}`,
      `set SHARDLINE_DEMO_KINESIS_PORT in .env to a free port (it also takes the port after it), or turn the demo off with SHARDLINE_DEMO=false`,
      { cause: error },
    );
  }
  return { endpoint, exited, stop };
}

async function waitUntilReady(endpoint: string, child: ChildProcess): Promise<void> {
  const client = createKinesisClient({
    streamArn: '',
    region: LOCAL_KINESIS_REGION,
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestTimeoutMs: 2_000,
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        await client.send(new ListStreamsCommand({}));
        return;
      } catch (error) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error('the process exited');
        if (Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    client.destroy();
  }
}
