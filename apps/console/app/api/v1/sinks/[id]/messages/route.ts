import { boundedBySearch, listMessages } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readQuery } from '@/lib/server/api/read-input';
import { database } from '@/lib/server/database';
import { existingSinkId } from '@/lib/server/messages/existing-sink-id';
import { messageListQuerySchema } from '@/lib/server/messages/message-queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async (request, params) => {
  const { state, after, limit, ...filter } = readQuery(request, messageListQuerySchema);
  const sinkId = await existingSinkId(params);
  // A search reads payloads no index narrows: only this state's, and for a bounded time.
  return boundedBySearch(database(), filter, (db) =>
    listMessages(db, { sinkId, state, filter, after, limit }),
  );
});
