import { getSinkStats, sinkStatsQuerySchema } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readQuery } from '@/lib/server/api/read-input';
import { database } from '@/lib/server/database';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async (request, params) => {
  const { range } = readQuery(request, sinkStatsQuerySchema);
  return getSinkStats(database(), { sinkId: sinkIdOf(params), range });
});
