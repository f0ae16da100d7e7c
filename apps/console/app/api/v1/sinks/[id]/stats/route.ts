import { getSinkStats } from '@shardline/db';
import { apiRoute } from '../../../../../../lib/server/api/api-route';
import { database } from '../../../../../../lib/server/database';
import { sinkIdOf } from '../../../../../../lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (_request, params) =>
  getSinkStats(database(), { sinkId: sinkIdOf(params) }),
);
