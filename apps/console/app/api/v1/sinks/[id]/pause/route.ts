import { getSink, pauseSink } from '@shardline/db';
import { apiRoute } from '../../../../../../lib/server/api/api-route';
import { database } from '../../../../../../lib/server/database';
import { sinkIdOf } from '../../../../../../lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

// Who paused it is shown in the sink's health; the console has no sign-in yet, so it is "console".
const PAUSED_BY = 'console';

export const POST = apiRoute(async (_request, params) => {
  const sinkId = sinkIdOf(params);
  await pauseSink(database(), { sinkId, by: PAUSED_BY });
  return { sink: await getSink(database(), { sinkId }) };
});
