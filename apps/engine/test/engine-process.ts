import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { EXIT_WHEN_STDIN_CLOSES } from '@shardline/testing';
import { ENGINE_NODE_FLAGS } from '../src/node-flags';

const ENGINE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** A real engine process, for crash and scale tests and for the benchmark. */
export class EngineProcess {
  readonly output: string[] = [];
  #child: ChildProcess | null = null;

  constructor(
    private readonly env: Record<string, string>,
    /** Run the production bundle (`npm run build`) instead of the TypeScript source. */
    private readonly options: { built?: boolean } = {},
  ) {}

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Started and not exited. */
  get running(): boolean {
    const child = this.#child;
    return child !== null && child.exitCode === null && child.signalCode === null;
  }

  /** Resolves once the engine logs `until` (by default: delivery has started). */
  async start(options: { until?: string } = {}): Promise<void> {
    const until = options.until ?? 'delivery engine started';
    // SHARDLINE_ENGINE_NODE_FLAGS (e.g. `--cpu-prof`) profiles the engine under a benchmark.
    const nodeFlags = process.env.SHARDLINE_ENGINE_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
    const entry = this.options.built ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
    // However the test process ends (even SIGKILL), its engines end with it.
    const args = [...ENGINE_NODE_FLAGS, ...nodeFlags, '--import', EXIT_WHEN_STDIN_CLOSES, ...entry];
    const child = spawn(process.execPath, args, {
      cwd: ENGINE_DIR,
      env: { ...process.env, ...this.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    (child.stdin as unknown as Socket | null)?.unref();
    this.#child = child;
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`engine did not start:\n${this.output.join('\n')}`)),
        30_000,
      );
      const check = () => {
        if (this.output.some((line) => line.includes(until))) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`engine exited with ${code} before starting:\n${this.output.join('\n')}`));
      });
    });
  }

  /** Kills the process without warning, as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    await this.#signal('SIGKILL');
  }

  /** Asks the process to stop, as an orchestrator would. */
  async stop(): Promise<number | null> {
    return this.#signal('SIGTERM');
  }

  async #signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }

  /** Where its /metrics, /healthz and /readyz are served (engineEnv picks a free port). */
  get observabilityUrl(): string {
    const [listening] = this.logLines('observability endpoints listening');
    if (!listening) throw new Error('the engine has not started its observability endpoints yet');
    return `http://127.0.0.1:${listening.port}`;
  }

  /** Lines of the structured log whose message is `msg`. */
  logLines(msg: string): Array<Record<string, unknown>> {
    return this.output
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === msg);
  }
}

export function engineEnv(options: {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  secretKey: string;
}) {
  return {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    SHARDLINE_QUEUE_PREFIX: options.queuePrefix,
    SHARDLINE_SECRET_KEY: options.secretKey,
    SHARDLINE_CONCURRENCY: '8',
    SHARDLINE_LEASE_MS: '4000',
    SHARDLINE_LOCK_DURATION_MS: '4000',
    SHARDLINE_REQUEST_TIMEOUT_MS: '2000',
    SHARDLINE_SWEEP_INTERVAL_MS: '1000',
    SHARDLINE_INITIAL_RETRY_DELAY_MS: '200',
    // A free port each: tests run several engines on one host.
    SHARDLINE_ENGINE_PORT: '0',
    SHARDLINE_ENGINE_HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
  };
}
