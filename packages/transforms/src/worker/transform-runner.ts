import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BudgetedResult } from '../budgeted-run';
import { type FunctionRole, ranTooLong } from '../failure-text';
import { DEFAULT_SANDBOX_LIMITS } from '../limits';
import type { TransformDefinition } from '../transform';
import {
  type CheckRequest,
  PROGRESS,
  PROGRESS_SLOTS,
  type RunAnswer,
  type RunRequest,
  type WorkerRequest,
} from './protocol';

export type RunOutcome =
  | { ok: true; results: BudgetedResult[]; durationsMs: number[] }
  | { ok: false; compileError: string };

type Request = RunRequest | CheckRequest;

interface Pending {
  request: Request;
  quarantined: boolean;
  resolve(answer: RunOutcome): void;
  reject(error: Error): void;
}

/** One worker thread, the requests it holds (in the order it runs them) and what it is doing. */
interface WorkerSlot {
  worker: Worker | null;
  readonly pending: Map<number, Pending>;
  progress: Float64Array;
}

/** Where the engine's build puts the bundled worker, beside its own bundle. */
const BUNDLED_WORKER = 'transform-worker.js';

/**
 * How long user code may outlive its deadline before its thread is ended. QuickJS's interrupt
 * handler stops ordinary code at the deadline itself; only a call stuck in native code (a huge
 * `fill`, a regular expression backtracking) gets this far.
 */
export const DEFAULT_STUCK_GRACE_MS = 250;
const WATCH_INTERVAL_MS = 25;
/** How long a transform that hit a limit keeps running on the quarantine thread only. */
const QUARANTINE_MS = 10 * 60 * 1000;
/** Outcomes of a call that hit a limit (failure-text.ts): its transform is quarantined. */
const HIT_A_LIMIT = /^the (?:transform|filter|router) (?:ran longer than|used more than|recursed too deeply)/;

/**
 * One thread per core, up to four: a single thread running QuickJS is what bounds a sink with a
 * code transform (the sandbox parses and serialises each message in about 25 µs), and more threads
 * than cores only take time from the engine and Postgres.
 */
export const DEFAULT_TRANSFORM_THREADS = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Runs user functions on worker threads of their own: the caller's event loop keeps serving other
 * lanes, sinks or requests while one runs. Each request goes to the thread holding the fewest; each
 * thread compiles the transform versions it is given. Each sandbox has its own time, memory and
 * stack limits; on top of them this runner watches every call's deadline and ends a thread whose
 * call outlived it (stuck in a native call, where QuickJS cannot interrupt it): that call's message
 * fails as having run too long, the thread is replaced, and the requests queued behind it go to the
 * new one. Threads start on first use; one that dies fails the requests it held and is replaced on
 * the next one.
 */
export class TransformRunner {
  readonly #slots: WorkerSlot[];
  readonly #workerFile: URL | undefined;
  readonly #graceMs: number;
  /** Transform versions once stopped in the middle of a chunk: their messages now go one at a time. */
  readonly #oneAtATime = new Set<string>();
  /** Transform versions that hit a limit recently, and until when they stay on the last thread. */
  readonly #quarantined = new Map<string, number>();
  #watchTimer: NodeJS.Timeout | undefined;
  #nextId = 1;
  #closed = false;
  /** How many threads were ended for a stuck call: for tests and metrics. */
  threadsEnded = 0;

  constructor(options: { threads?: number; workerFile?: URL; stuckGraceMs?: number } = {}) {
    const threads = options.threads ?? DEFAULT_TRANSFORM_THREADS;
    if (!Number.isInteger(threads) || threads < 1) {
      throw new Error(`transform threads must be a whole number of at least 1 (got ${threads})`);
    }
    this.#workerFile = options.workerFile;
    this.#graceMs = options.stuckGraceMs ?? DEFAULT_STUCK_GRACE_MS;
    this.#slots = Array.from({ length: threads }, () => ({
      worker: null,
      pending: new Map(),
      progress: newProgress(),
    }));
  }

  /** Runs a transform version (compiled once per `key` on each thread) on messages, within `budgetMs`. */
  run(
    key: string,
    definition: TransformDefinition,
    messagesJson: string[],
    budgetMs: number,
    options: { oneAtATime?: boolean; role?: FunctionRole } = {},
  ): Promise<RunOutcome> {
    return this.#send(key, (id) => ({
      kind: 'run',
      id,
      key,
      role: options.role ?? 'transform',
      definition,
      messagesJson,
      budgetMs,
      oneAtATime: options.oneAtATime === true || this.#oneAtATime.has(key),
    }));
  }

  /** Whether a transform, or a filter's code, compiles (its top-level code runs, under the limits). */
  async check(
    role: FunctionRole,
    definition: TransformDefinition,
  ): Promise<{ ok: true } | { ok: false; compileError: string }> {
    const outcome = await this.#send(null, (id) => ({ kind: 'check', id, role, definition }));
    return outcome.ok ? { ok: true } : outcome;
  }

  /** Frees a compiled transform version (after the requests already sent for it). */
  forget(key: string): void {
    this.#oneAtATime.delete(key);
    this.#quarantined.delete(key);
    for (const slot of this.#slots) slot.worker?.postMessage({ kind: 'forget', key } satisfies WorkerRequest);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#watchTimer);
    const workers = this.#slots.flatMap((slot) => (slot.worker ? [slot.worker] : []));
    for (const slot of this.#slots) {
      slot.worker = null;
      failPending(slot, new Error('the transform runner closed'));
    }
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #send(key: string | null, build: (id: number) => Request): Promise<RunOutcome> {
    if (this.#closed) return Promise.reject(new Error('the transform runner is closed'));
    const request = build(this.#nextId++);
    const quarantined = key !== null && (this.#quarantined.get(key) ?? 0) > Date.now();
    const slot = quarantined ? (this.#slots.at(-1) as WorkerSlot) : this.#leastBusy();
    this.#watchTimer ??= setInterval(() => this.#endStuckThreads(), WATCH_INTERVAL_MS).unref();
    const answered = new Promise<RunOutcome>((resolve, reject) => {
      slot.pending.set(request.id, { request, quarantined, resolve, reject });
      this.#workerOf(slot).postMessage(request satisfies WorkerRequest);
    });
    return key === null ? answered : answered.then((outcome) => this.#noteLimits(key, outcome));
  }

  /**
   * A transform whose call hit a limit (time, memory, stack) is likely to again: for a while its
   * requests all go to the last thread, so they never hold the threads other sinks' transforms
   * use. With one thread there is nowhere else to go.
   */
  #noteLimits(key: string, outcome: RunOutcome): RunOutcome {
    if (
      outcome.ok &&
      outcome.results.some((result) => result.ok === false && HIT_A_LIMIT.test(result.error))
    ) {
      this.#quarantined.set(key, Date.now() + QUARANTINE_MS);
    }
    return outcome;
  }

  /** The thread holding the fewest requests, avoiding one that holds a quarantined transform's. */
  #leastBusy(): WorkerSlot {
    const load = (slot: WorkerSlot) =>
      slot.pending.size + ([...slot.pending.values()].some((pending) => pending.quarantined) ? 1_000 : 0);
    let chosen = this.#slots[0] as WorkerSlot;
    for (const slot of this.#slots) if (load(slot) < load(chosen)) chosen = slot;
    return chosen;
  }

  #workerOf(slot: WorkerSlot): Worker {
    slot.worker ??= this.#spawn(slot);
    return slot.worker;
  }

  #spawn(slot: WorkerSlot): Worker {
    const here = new URL(import.meta.url);
    const fromSource = here.pathname.endsWith('.ts');
    const workerData = { progress: slot.progress.buffer };
    // From source (tests, development) the worker's TypeScript runs through tsx; a build names
    // its bundled worker, or puts it beside its own bundle (the engine's).
    const worker = fromSource
      ? new Worker(new URL('./worker-bootstrap.mjs', here), {
          workerData: { ...workerData, entry: new URL('./transform-worker-entry.ts', here).href },
        })
      : new Worker(this.#workerFile ?? new URL(`./${BUNDLED_WORKER}`, here), { workerData });
    worker.on('message', (answer: RunAnswer) => {
      if (slot.worker !== worker) return;
      const pending = slot.pending.get(answer.id);
      slot.pending.delete(answer.id);
      pending?.resolve(
        answer.ok ? { ok: true, results: answer.results, durationsMs: answer.durationsMs } : answer,
      );
    });
    const lost = (error: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      failPending(slot, error);
    };
    worker.on('error', (error) => lost(new Error(`the transform worker failed: ${error.message}`)));
    worker.on('exit', (code) => lost(new Error(`the transform worker stopped (exit code ${code})`)));
    // An idle worker must not keep the process alive.
    worker.unref();
    return worker;
  }

  #endStuckThreads(): void {
    const now = performance.timeOrigin + performance.now();
    for (const slot of this.#slots) {
      const deadline = slot.progress[PROGRESS.deadline] ?? 0;
      if (slot.worker && deadline > 0 && now > deadline + this.#graceMs) this.#replaceStuck(slot);
    }
  }

  /**
   * Ends a thread stuck in user code: the call's request is answered (its message ran too long,
   * the others are deferred), and the requests queued behind it go to a new thread.
   */
  #replaceStuck(slot: WorkerSlot): void {
    const stuck = slot.worker;
    if (!stuck) return;
    slot.worker = null;
    this.threadsEnded += 1;
    void stuck.terminate();
    const progress = slot.progress;
    const runningId = progress[PROGRESS.requestId];
    const first = progress[PROGRESS.firstMessage] ?? -1;
    const count = progress[PROGRESS.messageCount] ?? 0;
    slot.progress = newProgress();
    const queued = [...slot.pending.values()];
    slot.pending.clear();
    for (const pending of queued) {
      if (pending.request.id === runningId) {
        pending.resolve(this.#stuckOutcome(pending.request, first, count));
      } else {
        slot.pending.set(pending.request.id, pending);
        this.#workerOf(slot).postMessage(pending.request satisfies WorkerRequest);
      }
    }
  }

  #stuckOutcome(request: Request, first: number, count: number): RunOutcome {
    const { role } = request;
    const tooLong = ranTooLong(role, DEFAULT_SANDBOX_LIMITS);
    if (request.kind === 'check' || first < 0) {
      return {
        ok: false,
        compileError: `the ${role}'s top-level code ran longer than ${DEFAULT_SANDBOX_LIMITS.timeLimitMs} ms`,
      };
    }
    // Which message of a chunk was stuck is not known: the chunk waits, and the transform's
    // messages go one at a time from now on, so the next stuck call names its message.
    if (count > 1) this.#oneAtATime.add(request.key);
    const results: BudgetedResult[] = request.messagesJson.map((_, index) =>
      count === 1 && index === first ? { ok: false, error: tooLong } : { ok: 'deferred' },
    );
    return { ok: true, results, durationsMs: results.map(() => 0) };
  }
}

function newProgress(): Float64Array {
  return new Float64Array(new SharedArrayBuffer(PROGRESS_SLOTS * Float64Array.BYTES_PER_ELEMENT));
}

function failPending(slot: WorkerSlot, error: Error): void {
  for (const pending of slot.pending.values()) pending.reject(error);
  slot.pending.clear();
}
