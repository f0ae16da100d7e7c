import type { OutgoingMessage, SinkDeliveryConfig } from '@shardline/db';
import { type RoutedStream, routedStreamOf, routerCompileFailure } from '@shardline/transforms';
import type { TransformRunner } from '@shardline/transforms/runner';

/** A sink's router as the transform worker runs it (compiled once per `key`). */
export type SinkRouter = { kind: 'none' } | { kind: 'attached'; key: string; source: string };

/** A message and its stream; `deferred`: not routed in this request (the batch's time ran out). */
export type RoutedMessage = RoutedStream & { message: OutgoingMessage };

/** As for transforms: a slow router delays its own sink a little, and each request still goes out. */
const BATCH_BUDGET_MS = 250;

export function sinkRouterOf(config: SinkDeliveryConfig): SinkRouter {
  if (!config.routingSource) return { kind: 'none' };
  return { kind: 'attached', key: `router:${config.id}:${config.version}`, source: config.routingSource };
}

/**
 * Each message's stream, by the router run on the message as stored (before any transform, so it
 * sees what a filter sees). A failure is that message's alone.
 */
export async function routeOutgoing(
  runner: TransformRunner,
  router: Extract<SinkRouter, { kind: 'attached' }>,
  outgoing: OutgoingMessage[],
): Promise<RoutedMessage[]> {
  if (outgoing.length === 0) return [];
  const outcome = await runner.run(
    router.key,
    { kind: 'code', source: router.source },
    outgoing.map((message) => message.payload),
    BATCH_BUDGET_MS,
    { role: 'router' },
  );
  if (!outcome.ok) {
    const failure = routerCompileFailure(outcome.compileError);
    return outgoing.map((message): RoutedMessage => ({ ...failure, message }));
  }
  return outgoing.map(
    (message, index): RoutedMessage => ({
      ...routedStreamOf(outcome.results[index]),
      message,
    }),
  );
}
