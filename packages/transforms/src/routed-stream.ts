import { describeInvalidStreamArn, parseStreamArn } from '@shardline/core';
import type { BudgetedResult } from './budgeted-run';
import { routeOfAnswer } from './routing';

/** The router threw, timed out, or returned something other than a string or `{ streamArn }`. */
export const ROUTING_FAILED = 'routing_failed';
/** The router returned a string that is not a Kinesis stream ARN. */
export const INVALID_ROUTED_STREAM = 'invalid_routed_stream';

/** Where a router sent one message: a stream ARN (parsed), why it named none, or not run in time. */
export type RoutedStream =
  | { ok: true; streamArn: string; region: string }
  | { ok: false; code: typeof ROUTING_FAILED | typeof INVALID_ROUTED_STREAM; error: string }
  | { ok: 'deferred' };

/**
 * A router's result for one message, read the same way wherever a router runs (delivery, the
 * console's tests of it), so a test says what delivery would do.
 */
export function routedStreamOf(result: BudgetedResult | undefined): RoutedStream {
  if (result?.ok === 'deferred') return { ok: 'deferred' };
  if (!result?.ok) {
    return {
      ok: false,
      code: ROUTING_FAILED,
      error: `The routing function failed: ${result?.error ?? 'no result'}`,
    };
  }
  const route = routeOfAnswer(result.payloadJson);
  if (!route.ok)
    return { ok: false, code: ROUTING_FAILED, error: `The routing function failed: ${route.error}` };
  const arn = parseStreamArn(route.streamArn);
  if (!arn) {
    return {
      ok: false,
      code: INVALID_ROUTED_STREAM,
      error: `The routing function returned an invalid stream: ${describeInvalidStreamArn(route.streamArn)}`,
    };
  }
  return { ok: true, streamArn: arn.arn, region: arn.region };
}

/** What a router that does not compile does to every message it would route. */
export function routerCompileFailure(compileError: string): Extract<RoutedStream, { ok: false }> {
  return {
    ok: false,
    code: ROUTING_FAILED,
    error: `The sink's routing function does not compile: ${compileError}`,
  };
}
