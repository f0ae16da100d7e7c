import { pathToFileURL } from 'node:url';
import { TransformRunner } from '@shardline/transforms/runner';

/**
 * The console's build bundles the transform worker here (build-transform-worker.ts), relative to
 * the folder the console is served from (`next start` and the container's server run in
 * apps/console).
 */
const BUILT_WORKER = 'dist/transform-worker.js';
/** Tests of transforms and the message detail: two threads keep one hostile test from holding the other. */
const CONSOLE_TRANSFORM_THREADS = 2;

// One runner per console process; kept on globalThis so development reloads reuse its threads.
const holder = globalThis as { shardlineTransformRunner?: TransformRunner };

/**
 * Where the console runs users' transforms and filters: worker threads, never a request's own
 * thread, so a transform that loops or allocates without end holds one of them until its limits
 * end it, while every other request (health included) is answered.
 */
export function consoleTransformRunner(): TransformRunner {
  holder.shardlineTransformRunner ??= new TransformRunner({
    threads: CONSOLE_TRANSFORM_THREADS,
    workerFile: pathToFileURL(`${process.cwd()}/${BUILT_WORKER}`),
  });
  return holder.shardlineTransformRunner;
}
