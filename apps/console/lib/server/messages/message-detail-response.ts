import type { AuditEventRecord, MessageDetail } from '@shardline/db';
import { jsonResponse } from '../api/json-response';
import type { PayloadAfterTransform } from '../transforms/payload-after-transform';

/**
 * The answer of GET …/messages/{messageId}. The payload is spliced in as the exact JSON text
 * stored, not parsed and printed again: parsing would lose digits of large numbers and could
 * change how values are written, and the point is to show what was captured.
 *
 * `change` is the change as captured, which is what is stored: transforms apply at delivery, so
 * both are the same text. What the sink's current transform makes of it is `sentPayload` (a JSON
 * text, exactly the bytes that would be sent), or `transformError`; both are null without one.
 * `auditEvents` says who retried or discarded it, and when.
 */
export async function messageDetailResponse(
  detail: MessageDetail,
  afterTransform: PayloadAfterTransform,
  auditEvents: AuditEventRecord[],
): Promise<Response> {
  const { payload, ...rest } = detail;
  const marker = `payload-${crypto.randomUUID()}`;
  const base = jsonResponse({
    message: { ...rest, payload: marker, change: marker, ...afterTransform, auditEvents },
  });
  // A function, so `$` sequences in the payload are not read as replacement patterns.
  const text = (await base.text()).replaceAll(JSON.stringify(marker), () => payload);
  return new Response(text, { status: base.status, headers: base.headers });
}
