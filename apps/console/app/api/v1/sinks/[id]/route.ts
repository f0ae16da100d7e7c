import { getSink, updateSinkInputSchema } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { forceRequested } from '@/lib/server/api/force-flag';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';
import { deleteSinkAndCleanUp, updateSinkChecked } from '@/lib/server/sinks/sink-operations';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (_request, params) => ({
  sink: await getSink(database(), { sinkId: sinkIdOf(params) }),
}));

export const PATCH = apiRoute(async (request, params) => {
  const sinkId = sinkIdOf(params);
  const input = await readJsonBody(request, updateSinkInputSchema);
  return updateSinkChecked(sinkId, input, { by: requestActor(request), force: forceRequested(request) });
});

export const DELETE = apiRoute(async (request, params) =>
  deleteSinkAndCleanUp(sinkIdOf(params), { by: requestActor(request), force: forceRequested(request) }),
);
