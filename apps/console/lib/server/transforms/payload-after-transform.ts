import type { TransformVersionRef } from '@shardline/db';
import { runTransformVersion } from './compiled-transforms';

export interface PayloadAfterTransform {
  /** The JSON text the sink's current transform makes of the payload: what would be sent now. */
  sentPayload: string | null;
  /** Why the current transform fails on this payload (the error delivery would record). */
  transformError: string | null;
}

/** What a sink with `transform` would send for a stored payload; both null without a transform. */
export async function payloadAfterTransform(
  transform: TransformVersionRef | null,
  payloadJson: string,
): Promise<PayloadAfterTransform> {
  if (!transform) return { sentPayload: null, transformError: null };
  const [result] = await runTransformVersion(transform, [payloadJson]);
  if (!result) return { sentPayload: null, transformError: 'the transform gave no result' };
  return result.ok
    ? { sentPayload: result.payloadJson, transformError: null }
    : { sentPayload: null, transformError: result.error };
}
