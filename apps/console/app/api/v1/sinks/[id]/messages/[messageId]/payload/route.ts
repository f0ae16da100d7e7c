import { getMessagePayload } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { database } from '@/lib/server/database';
import { messageIdOf } from '@/lib/server/messages/message-id';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

/**
 * The stored payload as a file, byte for byte: served from here rather than rebuilt in the
 * browser, where parsing it would lose digits of large numbers and reformat it.
 */
export const GET = apiRoute<{ id: string; messageId: string }>(async (_request, params) => {
  const sinkId = sinkIdOf(params);
  const id = messageIdOf(params);
  const payload = await getMessagePayload(database(), { sinkId, id });
  return new Response(payload, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="message-${id}.json"`,
      'Cache-Control': 'no-store',
    },
  });
});
