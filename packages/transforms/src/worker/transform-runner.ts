import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BudgetedResult } from '../budgeted-run';
import type { TransformDefinition } from '../transform';
import type { RunAnswer, WorkerRequest } from './protocol';

export type RunOutcome = { ok: true; results: BudgetedResult[] } | { ok: false; compileError: string };

interface Pending {
  resolve(answer: RunOutcome): void;
  reject(error: Error): void;
}

/** One worker thread and the requests it holds. */
interface WorkerSlot {
  worker: Worker | null;
  readonly pending: Map<number, Pending>;
}

/** Where the engine's build puts the bundled worker, beside its own bundle. */
const BUNDLED_WORKER = 'transform-worker.js';

/**
 * One thread per core, up to four: a single thread running QuickJS is what bounds a sink with a
 * code transform (the sandbox parses and serialises each message in about 25 µs), and more threads
 * than cores only take time from the engine and Postgres.
 */
export const DEFAULT_TRANSFORM_THREADS = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Runs transforms on worker threads of their own: the engine's event loop keeps serving other
 * lanes and sinks while a transform runs, and a transform that loops or allocates without end
 * holds only its thread (each call is still stopped at its time and memory limits). Each request
 * goes to the thread holding the fewest; each thread compiles the transform versions it is given.
 * Threads start on first use; one that dies fails the requests it held and is replaced on the
 * next one.
 */
export class TransformRunner {
  readonly #slots: WorkerSlot[];
  #nextId = 1;
  #closed = false;

  constructor(options: { threads?: number } = {}) {
    const threads = options.threads ?? DEFAULT_TRANSFORM_THREADS;
    if (!Number.isInteger(threads) || threads < 1) {
      throw new Error(`transform threads must be a whole number of at least 1 (got ${threads})`);
    }
    this.#slots = Array.from({ length: threads }, () => ({ worker: null, pending: new Map() }));
  }

  run(
    key: string,
    definition: TransformDefinition,
    messagesJson: string[],
    budgetMs: number,
  ): Promise<RunOutcome> {
    if (this.#closed) return Promise.reject(new Error('the transform runner is closed'));
    const id = this.#nextId++;
    const slot = this.#leastBusy();
    return new Promise<RunOutcome>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      this.#workerOf(slot).postMessage({
        kind: 'run',
        id,
        key,
        definition,
        messagesJson,
        budgetMs,
      } satisfies WorkerRequest);
    });
  }

  /** Frees a compiled transform version (after the requests already sent for it). */
  forget(key: string): void {
    for (const slot of this.#slots) slot.worker?.postMessage({ kind: 'forget', key } satisfies WorkerRequest);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const workers = this.#slots.flatMap((slot) => (slot.worker ? [slot.worker] : []));
    for (const slot of this.#slots) {
      slot.worker = null;
      failPending(slot, new Error('the transform runner closed'));
    }
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #leastBusy(): WorkerSlot {
    let chosen = this.#slots[0] as WorkerSlot;
    for (const slot of this.#slots) if (slot.pending.size < chosen.pending.size) chosen = slot;
    return chosen;
  }

  #workerOf(slot: WorkerSlot): Worker {
    slot.worker ??= this.#spawn(slot);
    return slot.worker;
  }

  #spawn(slot: WorkerSlot): Worker {
    const here = new URL(import.meta.url);
    const fromSource = here.pathname.endsWith('.ts');
    const worker = fromSource
      ? new Worker(new URL('./worker-bootstrap.mjs', here), {
          workerData: { entry: new URL('./transform-worker-entry.ts', here).href },
        })
      : new Worker(new URL(`./${BUNDLED_WORKER}`, here));
    worker.on('message', (answer: RunAnswer) => {
      const pending = slot.pending.get(answer.id);
      slot.pending.delete(answer.id);
      pending?.resolve(answer.ok ? { ok: true, results: answer.results } : answer);
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
}

function failPending(slot: WorkerSlot, error: Error): void {
  for (const pending of slot.pending.values()) pending.reject(error);
  slot.pending.clear();
}
