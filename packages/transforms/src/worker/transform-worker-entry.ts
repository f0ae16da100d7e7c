import { parentPort } from 'node:worker_threads';
import { runWithinBudget } from '../budgeted-run';
import { type CompiledTransform, compileTransform } from '../transform';
import type { RunAnswer, RunRequest, WorkerRequest } from './protocol';

/**
 * The worker thread that runs transforms for the delivery engine, so a slow or hostile transform
 * holds this thread, never the engine's event loop. Requests are handled one at a time, in order.
 */
const port = parentPort;
if (!port) throw new Error('the transform worker must run as a worker thread');

const compiled = new Map<string, CompiledTransform | string>();
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: WorkerRequest): Promise<void> {
  if (request.kind === 'forget') {
    const transform = compiled.get(request.key);
    if (transform && typeof transform !== 'string') transform.dispose();
    compiled.delete(request.key);
    return;
  }
  port?.postMessage(await run(request));
}

async function run(request: RunRequest): Promise<RunAnswer> {
  let transform = compiled.get(request.key);
  if (transform === undefined) {
    const compilation = await compileTransform(request.definition);
    transform = compilation.ok ? compilation.transform : compilation.error;
    compiled.set(request.key, transform);
  }
  if (typeof transform === 'string') return { id: request.id, ok: false, compileError: transform };
  return {
    id: request.id,
    ok: true,
    results: runWithinBudget(transform, request.messagesJson, request.budgetMs),
  };
}
