import { randomUUID } from 'node:crypto';
import { type RoutedStream, routedStreamOf, routerCompileFailure } from '@shardline/transforms';
import { consoleTransformRunner } from '../../transforms/console-transform-runner';

/** Where a routing function sends each message, and the time each one took. */
export interface RoutingRun {
  routes: RoutedStream[];
  durationsMs: number[];
  /** The compiler's words when the function does not compile (then every route says so too). */
  compileError: string | null;
}

/**
 * Runs a routing function, saved or not, on payloads (JSON text) on the console's transform
 * threads, read as delivery reads it: a check in the console says what delivery would do.
 */
export async function runRoutingFunction(
  source: string,
  payloads: readonly string[],
  budgetMs: number,
): Promise<RoutingRun> {
  const runner = consoleTransformRunner();
  // Compiled for this run only, and freed after it: the source may be unsaved.
  const key = `routing-test:${randomUUID()}`;
  try {
    const outcome = await runner.run(key, { kind: 'code', source }, [...payloads], budgetMs, {
      role: 'router',
      oneAtATime: true,
    });
    if (!outcome.ok) {
      const failure = routerCompileFailure(outcome.compileError);
      return {
        routes: payloads.map(() => failure),
        durationsMs: payloads.map(() => 0),
        compileError: outcome.compileError,
      };
    }
    return {
      routes: payloads.map((_, index) => routedStreamOf(outcome.results[index])),
      durationsMs: payloads.map((_, index) => outcome.durationsMs[index] ?? 0),
      compileError: null,
    };
  } finally {
    runner.forget(key);
  }
}
