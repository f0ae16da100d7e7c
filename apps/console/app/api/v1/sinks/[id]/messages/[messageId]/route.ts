import { getMessage } from '@shardline/db';
import { apiRoute } from '../../../../../../../lib/server/api/api-route';
import { database } from '../../../../../../../lib/server/database';
import { messageDetailResponse } from '../../../../../../../lib/server/messages/message-detail-response';
import { messageIdOf } from '../../../../../../../lib/server/messages/message-id';
import { sinkIdOf } from '../../../../../../../lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string; messageId: string }>(async (_request, params) => {
  const sinkId = sinkIdOf(params);
  const id = messageIdOf(params);
  return messageDetailResponse(await getMessage(database().pool, { sinkId, id }));
});
