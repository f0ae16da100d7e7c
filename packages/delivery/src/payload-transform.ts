import type { OutgoingMessage, SinkDeliveryConfig } from '@shardline/db';
import { type CompiledTransform, compileTransform, type TransformResult } from '@shardline/transforms';

/** A sink's current transform, ready to run, or why it cannot run (every message then fails with it). */
export type SinkTransform =
  | { kind: 'none' }
  | { kind: 'ready'; transform: CompiledTransform; name: string }
  | { kind: 'broken'; error: string };

export type TransformedMessage =
  | { ok: true; message: OutgoingMessage }
  | { ok: false; message: OutgoingMessage; error: string }
  /** Not transformed in this request (the batch's time budget ran out): sent by a later one. */
  | { ok: 'deferred'; message: OutgoingMessage };

export const TRANSFORM_FAILED = 'transform_failed';

/**
 * The sandbox runs on the engine's main thread: a slow or hostile transform (each call may take
 * up to its time limit) must not hold it for long. After this much time in one request's batch,
 * the rest of the batch waits for the next request, where it is first in line.
 */
const BATCH_BUDGET_MS = 250;
/** Messages per sandbox entry while calls are quick; one at a time once a call was slow. */
const CHUNK = 25;
const QUICK_CALL_MS = 5;

/** Compiles the sink's current transform version once per sink configuration. */
export async function loadSinkTransform(config: SinkDeliveryConfig): Promise<SinkTransform> {
  if (!config.transform) return { kind: 'none' };
  const { kind, body, version } = config.transform;
  const compiled = await compileTransform(kind === 'code' ? { kind, source: body } : { kind, path: body });
  const name = `transform version ${version}`;
  if (!compiled.ok)
    return { kind: 'broken', error: `The sink's ${name} does not compile: ${compiled.error}` };
  return { kind: 'ready', transform: compiled.transform, name };
}

/**
 * The messages as they will be sent: each payload replaced by what the transform returned, its
 * size recomputed (the record limit applies to what is sent). The group, and so the partition key,
 * is never the transform's to change.
 */
export function transformOutgoing(
  sinkTransform: SinkTransform,
  outgoing: OutgoingMessage[],
): TransformedMessage[] {
  if (sinkTransform.kind === 'none') return outgoing.map((message) => ({ ok: true, message }));
  if (sinkTransform.kind === 'broken') {
    return outgoing.map((message) => ({ ok: false, message, error: sinkTransform.error }));
  }
  const startedAt = performance.now();
  const transformed: TransformedMessage[] = [];
  // The first message goes alone: a transform that is slow on every message is found out at the
  // cost of one call, not of a whole chunk.
  let chunkSize = 1;
  let start = 0;
  while (start < outgoing.length) {
    if (start > 0 && performance.now() - startedAt > BATCH_BUDGET_MS) {
      for (const message of outgoing.slice(start)) transformed.push({ ok: 'deferred', message });
      break;
    }
    const chunk = outgoing.slice(start, start + chunkSize);
    const chunkStartedAt = performance.now();
    const results = sinkTransform.transform.runBatch(chunk.map((message) => message.payload));
    chunk.forEach((message, index) => {
      transformed.push(applied(sinkTransform.name, message, results[index]));
    });
    chunkSize = (performance.now() - chunkStartedAt) / chunk.length < QUICK_CALL_MS ? CHUNK : 1;
    start += chunk.length;
  }
  return transformed;
}

function applied(
  name: string,
  message: OutgoingMessage,
  result: TransformResult | undefined,
): TransformedMessage {
  if (!result?.ok)
    return { ok: false, message, error: `The ${name} failed: ${result?.error ?? 'no result'}` };
  const payload = result.payloadJson;
  return {
    ok: true,
    message: {
      ...message,
      payload,
      sizeBytes: Buffer.byteLength(payload, 'utf8') + Buffer.byteLength(message.groupKey, 'utf8'),
    },
  };
}

export function disposeSinkTransform(sinkTransform: SinkTransform): void {
  if (sinkTransform.kind === 'ready') sinkTransform.transform.dispose();
}
