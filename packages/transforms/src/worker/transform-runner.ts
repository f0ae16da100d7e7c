import { Worker } from 'node:worker_threads';
import type { BudgetedResult } from '../budgeted-run';
import type { TransformDefinition } from '../transform';
import type { RunAnswer, WorkerRequest } from './protocol';

export type RunOutcome = { ok: true; results: BudgetedResult[] } | { ok: false; compileError: string };

interface Pending {
  resolve(answer: RunOutcome): void;
  reject(error: Error): void;
}

/** Where the engine's build puts the bundled worker, beside its own bundle. */
const BUNDLED_WORKER = 'transform-worker.js';

/**
 * Runs transforms on a worker thread of their own: the engine's event loop keeps serving other
 * lanes and sinks while a transform runs, and a transform that loops or allocates without end
 * holds only that thread (each call is still stopped at its time and memory limits). Started on
 * first use; a worker that dies fails the requests it held and is replaced on the next one.
 */
export class TransformRunner {
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #closed = false;

  run(
    key: string,
    definition: TransformDefinition,
    messagesJson: string[],
    budgetMs: number,
  ): Promise<RunOutcome> {
    if (this.#closed) return Promise.reject(new Error('the transform runner is closed'));
    const id = this.#nextId++;
    return new Promise<RunOutcome>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#post({ kind: 'run', id, key, definition, messagesJson, budgetMs });
    });
  }

  /** Frees a compiled transform version (after the requests already sent for it). */
  forget(key: string): void {
    if (this.#worker) this.#post({ kind: 'forget', key });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    this.#failPending(new Error('the transform runner closed'));
    await worker?.terminate();
  }

  #post(request: WorkerRequest): void {
    this.#worker ??= this.#spawn();
    this.#worker.postMessage(request);
  }

  #spawn(): Worker {
    const here = new URL(import.meta.url);
    const fromSource = here.pathname.endsWith('.ts');
    const worker = fromSource
      ? new Worker(new URL('./worker-bootstrap.mjs', here), {
          workerData: { entry: new URL('./transform-worker-entry.ts', here).href },
        })
      : new Worker(new URL(`./${BUNDLED_WORKER}`, here));
    worker.on('message', (answer: RunAnswer) => {
      const pending = this.#pending.get(answer.id);
      this.#pending.delete(answer.id);
      pending?.resolve(answer.ok ? { ok: true, results: answer.results } : answer);
    });
    const lost = (error: Error) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#failPending(error);
    };
    worker.on('error', (error) => lost(new Error(`the transform worker failed: ${error.message}`)));
    worker.on('exit', (code) => lost(new Error(`the transform worker stopped (exit code ${code})`)));
    // An idle worker must not keep the process alive.
    worker.unref();
    return worker;
  }

  #failPending(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
