import { getMessage } from '@shardline/db';
import { apiRoute } from '../../../../../../../lib/server/api/api-route';
import { database } from '../../../../../../../lib/server/database';
import { messageDetailResponse } from '../../../../../../../lib/server/messages/message-detail-response';
import { messageIdOf } from '../../../../../../../lib/server/messages/message-id';
import { sinkIdOf } from '../../../../../../../lib/server/sinks/sink-id';
import { payloadAfterTransform } from '../../../../../../../lib/server/transforms/payload-after-transform';
import { sinkCurrentTransform } from '../../../../../../../lib/server/transforms/sink-current-transform';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string; messageId: string }>(async (_request, params) => {
  const sinkId = sinkIdOf(params);
  const id = messageIdOf(params);
  const [detail, transform] = await Promise.all([
    getMessage(database().pool, { sinkId, id }),
    sinkCurrentTransform(sinkId),
  ]);
  return messageDetailResponse(detail, await payloadAfterTransform(transform, detail.payload));
});
