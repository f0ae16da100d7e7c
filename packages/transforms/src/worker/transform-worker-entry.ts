import { parentPort, workerData } from 'node:worker_threads';
import { runWithinBudget } from '../budgeted-run';
import { compileFilter } from '../filter';
import { compileRouter } from '../routing';
import type { CallWatch } from '../sandbox';
import { type CompiledTransform, compileTransform } from '../transform';
import { type CheckRequest, PROGRESS, type RunAnswer, type RunRequest, type WorkerRequest } from './protocol';

/**
 * The worker thread that runs user functions for the delivery engine and the console, so a slow
 * or hostile one holds this thread, never their event loops. Requests are handled one at a time,
 * in order. What runs is written to the memory shared with the runner, which ends this thread
 * when user code outlives its deadline where QuickJS cannot interrupt it (a long native call).
 */
const port = parentPort;
if (!port) throw new Error('the transform worker must run as a worker thread');
const progress = new Float64Array((workerData as { progress: SharedArrayBuffer }).progress);

const watch: CallWatch = {
  entered: (deadlineEpochMs) => {
    progress[PROGRESS.deadline] = deadlineEpochMs;
  },
  left: () => {
    progress[PROGRESS.deadline] = 0;
  },
};

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
  progress[PROGRESS.requestId] = request.id;
  progress[PROGRESS.firstMessage] = -1;
  progress[PROGRESS.messageCount] = 0;
  port?.postMessage(request.kind === 'run' ? await run(request) : await check(request));
}

async function run(request: RunRequest): Promise<RunAnswer> {
  let transform = compiled.get(request.key);
  if (transform === undefined) {
    transform = await compileFunction(request);
    compiled.set(request.key, transform);
  }
  if (typeof transform === 'string') return { id: request.id, ok: false, compileError: transform };
  const { results, durationsMs } = await runWithinBudget(transform, request.messagesJson, request.budgetMs, {
    oneAtATime: request.oneAtATime,
    onChunk: (first, count) => {
      progress[PROGRESS.firstMessage] = first;
      progress[PROGRESS.messageCount] = count;
    },
  });
  return { id: request.id, ok: true, results, durationsMs };
}

/** A transform, a router answering its JSON, or a filter answering `true` or `false` as its payload; or why it does not compile. */
async function compileFunction(request: RunRequest): Promise<CompiledTransform | string> {
  const { definition } = request;
  if (request.role === 'router' && definition.kind === 'code') {
    const compilation = await compileRouter(definition.source, undefined, watch);
    return compilation.ok ? compilation.transform : compilation.error;
  }
  if (request.role === 'transform' || definition.kind !== 'code') {
    const compilation = await compileTransform(definition, undefined, watch);
    return compilation.ok ? compilation.transform : compilation.error;
  }
  const compilation = await compileFilter(definition.source, undefined, watch);
  if (!compilation.ok) return compilation.error;
  const { filter } = compilation;
  return {
    kind: 'code',
    runBatch: async (messagesJson) =>
      (await filter.runBatch(messagesJson)).map((result) =>
        result.ok ? { ok: true, payloadJson: String(result.keep) } : result,
      ),
    dispose: () => filter.dispose(),
  };
}

async function check(request: CheckRequest): Promise<RunAnswer> {
  const { definition } = request;
  const compilation =
    request.role === 'filter' && definition.kind === 'code'
      ? await compileFilter(definition.source, undefined, watch)
      : request.role === 'router' && definition.kind === 'code'
        ? await compileRouter(definition.source, undefined, watch)
        : await compileTransform(definition, undefined, watch);
  if (!compilation.ok) return { id: request.id, ok: false, compileError: compilation.error };
  ('transform' in compilation ? compilation.transform : compilation.filter).dispose();
  return { id: request.id, ok: true, results: [], durationsMs: [] };
}
