import { formatDuration } from './format-duration';

type StepState = 'waiting' | 'running' | 'done' | 'failed' | 'skipped';

interface Step {
  name: string;
  state: StepState;
  startedAt: number;
  tookMs: number;
}

const MARK: Record<StepState, string> = { waiting: '·', running: '…', done: '✓', failed: '✗', skipped: '-' };
const TICK_MS = 500;

export interface Progress {
  /** Runs one step, showing it as under way, then done (or failed: the error is rethrown). */
  step<T>(name: string, work: () => Promise<T>): Promise<T>;
  skip(name: string): void;
  /** Ends the progress line (the steps as they stand) before other output follows. */
  finish(): void;
}

/**
 * The start's progress on one line: `Starting Shardline: ✓ database ✓ migrations … build 12 s · emulator`.
 * On a terminal the line is rewritten in place; elsewhere (a log file, CI) each change is a line.
 */
export function createProgress(
  names: string[],
  output: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean } = process.stdout,
): Progress {
  const steps: Step[] = names.map((name) => ({ name, state: 'waiting', startedAt: 0, tookMs: 0 }));
  const interactive = Boolean(output.isTTY);
  let ticker: NodeJS.Timeout | null = null;
  let finished = false;

  const line = () =>
    `Starting Shardline: ${steps
      .map((step) => {
        if (step.state === 'running')
          return `${MARK.running} ${step.name} ${formatDuration(Date.now() - step.startedAt)}`;
        return `${MARK[step.state]} ${step.name}`;
      })
      .join('  ')}`;
  const render = () => {
    if (finished) return;
    if (interactive) output.write(`\r\x1b[2K${line()}`);
  };
  const find = (name: string): Step => {
    const step = steps.find((candidate) => candidate.name === name);
    if (!step) throw new Error(`no start step named ${name}`);
    return step;
  };

  return {
    async step(name, work) {
      const step = find(name);
      step.state = 'running';
      step.startedAt = Date.now();
      if (!interactive) output.write(`${MARK.running} ${name}\n`);
      render();
      ticker ??= setInterval(render, TICK_MS);
      try {
        const result = await work();
        step.state = 'done';
        return result;
      } catch (error) {
        step.state = 'failed';
        throw error;
      } finally {
        step.tookMs = Date.now() - step.startedAt;
        if (!interactive) output.write(`${MARK[step.state]} ${name} (${formatDuration(step.tookMs)})\n`);
        render();
      }
    },
    skip(name) {
      find(name).state = 'skipped';
      if (!interactive) output.write(`${MARK.skipped} ${name} (skipped)\n`);
      render();
    },
    finish() {
      if (ticker) clearInterval(ticker);
      ticker = null;
      if (interactive && !finished) output.write(`\r\x1b[2K${line()}\n`);
      finished = true;
    },
  };
}
