import type { TransformVersionRef } from '@shardline/db';
import type { TransformResult } from '@shardline/transforms';
import { consoleTransformRunner } from './console-transform-runner';
import { transformDefinition } from './transform-definition';

/** A message detail's transform gets as long as a delivery request's batch. */
const BUDGET_MS = 250;

/**
 * Runs a transform version on payloads (JSON texts) on the console's transform threads, which
 * compile it once per `${id}:${version}`: the message detail asks for it on every refresh of an
 * open message.
 */
export async function runTransformVersion(
  ref: TransformVersionRef,
  payloadsJson: string[],
): Promise<TransformResult[]> {
  const outcome = await consoleTransformRunner().run(
    `${ref.id}:${ref.version}`,
    transformDefinition(ref.kind, ref.body),
    payloadsJson,
    BUDGET_MS,
    { oneAtATime: true },
  );
  if (!outcome.ok) {
    const error = `the transform does not compile: ${outcome.compileError}`;
    return payloadsJson.map(() => ({ ok: false, error }));
  }
  return outcome.results.map((result) =>
    result.ok === 'deferred'
      ? { ok: false, error: 'the transform had no time left for this message' }
      : result,
  );
}
