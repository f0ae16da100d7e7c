import type { OutgoingMessage, SinkDeliveryConfig } from '@shardline/db';
import type { TransformDefinition } from '@shardline/transforms';
import type { TransformRunner } from '@shardline/transforms/runner';

/** A sink's current transform version, as the transform worker runs it. */
export type SinkTransform =
  | { kind: 'none' }
  | { kind: 'attached'; key: string; definition: TransformDefinition; name: string };

export type TransformedMessage =
  | { ok: true; message: OutgoingMessage }
  | { ok: false; message: OutgoingMessage; error: string }
  /** Not transformed in this request (the batch's time budget ran out): sent by a later one. */
  | { ok: 'deferred'; message: OutgoingMessage };

export const TRANSFORM_FAILED = 'transform_failed';

/**
 * How long one request's batch may spend in the transform. What is left waits for the next
 * request, where it is first in line: a slow transform delays its own sink a little, and a
 * transform that loops on every message still lets each request go out.
 */
const BATCH_BUDGET_MS = 250;

export function sinkTransformOf(config: SinkDeliveryConfig): SinkTransform {
  if (!config.transform) return { kind: 'none' };
  const { id, version, kind, body } = config.transform;
  return {
    kind: 'attached',
    key: `${id}:${version}`,
    definition: kind === 'code' ? { kind, source: body } : { kind, path: body },
    name: `transform version ${version}`,
  };
}

/**
 * The messages as they will be sent: each payload replaced by what the transform returned, its
 * size recomputed (the record limit applies to what is sent). The group, and so the partition key,
 * is never the transform's to change.
 */
export async function transformOutgoing(
  runner: TransformRunner,
  sinkTransform: SinkTransform,
  outgoing: OutgoingMessage[],
): Promise<TransformedMessage[]> {
  if (sinkTransform.kind === 'none' || outgoing.length === 0) {
    return outgoing.map((message) => ({ ok: true, message }));
  }
  const outcome = await runner.run(
    sinkTransform.key,
    sinkTransform.definition,
    outgoing.map((message) => message.payload),
    BATCH_BUDGET_MS,
  );
  if (!outcome.ok) {
    const error = `The sink's ${sinkTransform.name} does not compile: ${outcome.compileError}`;
    return outgoing.map((message) => ({ ok: false, message, error }));
  }
  return outgoing.map((message, index): TransformedMessage => {
    const result = outcome.results[index];
    if (result?.ok === 'deferred') return { ok: 'deferred', message };
    if (!result?.ok) {
      return {
        ok: false,
        message,
        error: `The ${sinkTransform.name} failed: ${result?.error ?? 'no result'}`,
      };
    }
    const payload = result.payloadJson;
    const sizeBytes = Buffer.byteLength(payload, 'utf8') + Buffer.byteLength(message.groupKey, 'utf8');
    return { ok: true, message: { ...message, payload, sizeBytes } };
  });
}
