import type { MessageDetail } from '@shardline/db';
import { jsonResponse } from '../api/json-response';

/**
 * The answer of GET …/messages/{messageId}. The payload is spliced in as the exact JSON text
 * stored, not parsed and printed again: parsing would lose digits of large numbers and could
 * change how values are written, and the point is to show what Kinesis receives.
 *
 * `change` is the change as captured. Today the payload is built from it unchanged, so both are
 * the same text; they will differ once transforms exist.
 */
export async function messageDetailResponse(detail: MessageDetail): Promise<Response> {
  const { payload, ...rest } = detail;
  const marker = `payload-${crypto.randomUUID()}`;
  const base = jsonResponse({ message: { ...rest, payload: marker, change: marker } });
  // A function, so `$` sequences in the payload are not read as replacement patterns.
  const text = (await base.text()).replaceAll(JSON.stringify(marker), () => payload);
  return new Response(text, { status: base.status, headers: base.headers });
}
