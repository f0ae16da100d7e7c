import { getSink, resumeSink } from '@shardline/db';
import { apiRoute } from '../../../../../../lib/server/api/api-route';
import { database } from '../../../../../../lib/server/database';
import { sinkIdOf } from '../../../../../../lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async (_request, params) => {
  const sinkId = sinkIdOf(params);
  await resumeSink(database(), { sinkId });
  return { sink: await getSink(database(), { sinkId }) };
});
