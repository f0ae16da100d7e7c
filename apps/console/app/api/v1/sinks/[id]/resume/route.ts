import { getSink, resumeSink } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async (request, params) => {
  const sinkId = sinkIdOf(params);
  await resumeSink(database(), { sinkId, by: requestActor(request) });
  return { sink: await getSink(database(), { sinkId }) };
});
