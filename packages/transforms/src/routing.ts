import type { SandboxLimits } from './limits';
import type { CallWatch } from './sandbox';
import { compileJsonFunction, type TransformCompilation } from './transform';

/** The stream a router named for one message, or why it named none. */
export type RouteResult = { ok: true; streamArn: string } | { ok: false; error: string };

/**
 * Compiles a router, `(message) => streamArn` or `(message) => ({ streamArn })`, once. It runs like
 * a transform whose answer is JSON text: `routeOfAnswer` reads the stream out of that text.
 */
export function compileRouter(
  source: string,
  limits?: Partial<SandboxLimits>,
  watch?: CallWatch,
): Promise<TransformCompilation> {
  return compileJsonFunction(source, 'router', limits, watch);
}

/** The stream ARN in a router's answer (JSON text): a string, or an object with a `streamArn` string. */
export function routeOfAnswer(answerJson: string): RouteResult {
  const answer: unknown = JSON.parse(answerJson);
  if (typeof answer === 'string') return { ok: true, streamArn: answer };
  if (answer !== null && typeof answer === 'object' && !Array.isArray(answer)) {
    const { streamArn } = answer as { streamArn?: unknown };
    if (typeof streamArn === 'string') return { ok: true, streamArn };
    return { ok: false, error: 'the router returned an object without a streamArn string' };
  }
  const described = answer === null ? 'null' : Array.isArray(answer) ? 'an array' : `a ${typeof answer}`;
  return { ok: false, error: `the router returned ${described}, not a stream ARN or { streamArn }` };
}
