import { boundedBySearch, countMessages } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readQuery } from '@/lib/server/api/read-input';
import { database } from '@/lib/server/database';
import { existingSinkId } from '@/lib/server/messages/existing-sink-id';
import { messageCountsQuerySchema } from '@/lib/server/messages/message-queries';

export const dynamic = 'force-dynamic';

// Unfiltered counts read only an index (fast on millions of messages); a filter makes them read
// the rows, which is slower: see countMessages. A search is bounded in time like the list.
export const GET = apiRoute<{ id: string }>(async (request, params) => {
  const filter = readQuery(request, messageCountsQuerySchema);
  const sinkId = await existingSinkId(params);
  const counts = await boundedBySearch(database(), filter, (db) => countMessages(db, { sinkId, filter }));
  return { counts };
});
