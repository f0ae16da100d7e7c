import { getMessage, listAuditEvents } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { database } from '@/lib/server/database';
import { messageDetailResponse } from '@/lib/server/messages/message-detail-response';
import { messageIdOf } from '@/lib/server/messages/message-id';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';
import { payloadAfterTransform } from '@/lib/server/transforms/payload-after-transform';
import { sinkCurrentTransform } from '@/lib/server/transforms/sink-current-transform';

export const dynamic = 'force-dynamic';

// A message is retried or discarded by hand a few times at most; more is shown on the Audit page.
const MESSAGE_AUDIT_EVENTS = 20;

export const GET = apiRoute<{ id: string; messageId: string }>(async (_request, params) => {
  const sinkId = sinkIdOf(params);
  const id = messageIdOf(params);
  const [detail, transform, audit] = await Promise.all([
    getMessage(database(), { sinkId, id }),
    sinkCurrentTransform(sinkId),
    // Message ids are unique across sinks; the detail is only answered once the message is found.
    listAuditEvents(database(), {
      targetType: 'message',
      targetId: id.toString(),
      limit: MESSAGE_AUDIT_EVENTS,
    }),
  ]);
  return messageDetailResponse(detail, await payloadAfterTransform(transform, detail.payload), audit.events);
});
