import { getSinkAlertThresholds, sinkThresholdsInputSchema, updateSinkAlertThresholds } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

/** The sink's own alert thresholds: `{ thresholds: { sinkId, sinkName, thresholds, updatedAt, updatedBy } }`. */
export const GET = apiRoute(async (_request, params) => ({
  thresholds: await getSinkAlertThresholds(database(), { sinkId: sinkIdOf(params) }),
}));

export const PUT = apiRoute(async (request, params) => ({
  thresholds: await updateSinkAlertThresholds(database(), {
    sinkId: sinkIdOf(params),
    input: await readJsonBody(request, sinkThresholdsInputSchema),
    by: requestActor(request),
  }),
}));
