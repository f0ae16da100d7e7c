import { describeInvalidStreamArn, parseStreamArn } from '@shardline/core';
import type { OutgoingMessage, SinkDeliveryConfig } from '@shardline/db';
import { routeOfAnswer } from '@shardline/transforms';
import type { TransformRunner } from '@shardline/transforms/runner';

/** A sink's router as the transform worker runs it (compiled once per `key`). */
export type SinkRouter = { kind: 'none' } | { kind: 'attached'; key: string; source: string };

/** The router threw, timed out, or returned something other than a string or `{ streamArn }`. */
export const ROUTING_FAILED = 'routing_failed';
/** The router returned a string that is not a Kinesis stream ARN. */
export const INVALID_ROUTED_STREAM = 'invalid_routed_stream';

export type RoutedMessage =
  | { ok: true; message: OutgoingMessage; streamArn: string; region: string }
  | { ok: false; message: OutgoingMessage; code: string; error: string }
  /** Not routed in this request (the batch's time budget ran out): sent by a later one. */
  | { ok: 'deferred'; message: OutgoingMessage };

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
    const error = `The sink's routing function does not compile: ${outcome.compileError}`;
    return outgoing.map((message) => ({ ok: false, message, code: ROUTING_FAILED, error }));
  }
  return outgoing.map((message, index): RoutedMessage => {
    const result = outcome.results[index];
    if (result?.ok === 'deferred') return { ok: 'deferred', message };
    if (!result?.ok) {
      const error = `The routing function failed: ${result?.error ?? 'no result'}`;
      return { ok: false, message, code: ROUTING_FAILED, error };
    }
    const route = routeOfAnswer(result.payloadJson);
    if (!route.ok)
      return {
        ok: false,
        message,
        code: ROUTING_FAILED,
        error: `The routing function failed: ${route.error}`,
      };
    const arn = parseStreamArn(route.streamArn);
    if (!arn) {
      const error = `The routing function returned an invalid stream: ${describeInvalidStreamArn(route.streamArn)}`;
      return { ok: false, message, code: INVALID_ROUTED_STREAM, error };
    }
    return { ok: true, message, streamArn: arn.arn, region: arn.region };
  });
}
