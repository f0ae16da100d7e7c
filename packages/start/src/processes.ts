import { type ChildProcess, spawn } from 'node:child_process';
import { StartProblem } from './start-problem';

const OUTPUT_TAIL_LINES = 40;

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs a command to its end with its output held back (the progress line stays readable); when
 * it fails, the StartProblem carries the end of its output.
 */
export async function runCommand(
  what: string,
  command: string,
  args: string[],
  options: CommandOptions & { fix: string },
): Promise<void> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) {
    throw new StartProblem(`${what} failed (exit code ${code}):\n${output.tail()}`, options.fix);
  }
}

export interface Service {
  name: string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** From now on the process's output goes straight to this terminal (held back until then). */
  showOutput(): void;
  /** The end of what it printed, for a failure message. */
  outputTail(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServiceOptions extends CommandOptions {
  name: string;
  command: string;
  args: string[];
  /** Resolves when the service is ready, given a probe of its output so far. */
  ready: (output: { includes(text: string): boolean }) => Promise<boolean> | boolean;
  timeoutMs: number;
  /** What to do when it does not become ready. */
  fix: string;
}

/** Starts a long-running process and resolves once `ready` says so; throws a StartProblem if it exits first. */
export async function startService(options: ServiceOptions): Promise<Service> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const service: Service = {
    name: options.name,
    exited,
    showOutput: output.passThrough,
    outputTail: output.tail,
    async stop(signal = 'SIGTERM') {
      if (hasExited) return;
      child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (hasExited) {
      throw new StartProblem(`The ${options.name} stopped as it started:\n${output.tail()}`, options.fix);
    }
    if (await options.ready({ includes: output.includes })) return service;
    if (Date.now() > deadline) {
      await service.stop('SIGKILL');
      throw new StartProblem(
        `The ${options.name} was not ready within ${options.timeoutMs / 1000} s:\n${output.tail()}`,
        options.fix,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether `url` answers 2xx now. */
export async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

function collectOutput(child: ChildProcess) {
  const lines: string[] = [];
  let passing = false;
  let text = '';
  const onData = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
    if (passing) {
      target.write(chunk);
      return;
    }
    text += chunk.toString('utf8');
    const parts = text.split('\n');
    text = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > 2_000) lines.splice(0, lines.length - 2_000);
  };
  child.stdout?.on('data', onData(process.stdout));
  child.stderr?.on('data', onData(process.stderr));
  return {
    includes: (needle: string) => lines.some((line) => line.includes(needle)) || text.includes(needle),
    tail: () => [...lines, text].filter(Boolean).slice(-OUTPUT_TAIL_LINES).join('\n'),
    passThrough: () => {
      if (passing) return;
      passing = true;
      const held = [...lines, text].filter(Boolean);
      if (held.length > 0) process.stdout.write(`${held.join('\n')}\n`);
    },
  };
}
