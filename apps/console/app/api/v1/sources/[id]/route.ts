import { getSourceSummary, listSourceEvents, updateSourceInputSchema } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { forceRequested } from '@/lib/server/api/force-flag';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { readSourceId } from '@/lib/server/sources/source-id';
import { deleteSourceAndCleanUp, updateSourceChecked } from '@/lib/server/sources/source-operations';

export const dynamic = 'force-dynamic';

// Enough to see what went wrong lately; the reader records an event per problem, not per change.
const LATEST_EVENTS = 20;

export const GET = apiRoute(async (_request, params) => {
  const sourceId = readSourceId(params);
  const source = await getSourceSummary(database(), { sourceId });
  const events = await listSourceEvents(database(), {
    sourceId,
    levels: ['warning', 'error'],
    limit: LATEST_EVENTS,
  });
  return { source, events };
});

export const PATCH = apiRoute(async (request, params) => {
  const sourceId = readSourceId(params);
  const input = await readJsonBody(request, updateSourceInputSchema);
  return updateSourceChecked(sourceId, input, {
    by: requestActor(request),
    force: forceRequested(request),
  });
});

export const DELETE = apiRoute(async (request, params) =>
  deleteSourceAndCleanUp(readSourceId(params), { by: requestActor(request) }),
);
