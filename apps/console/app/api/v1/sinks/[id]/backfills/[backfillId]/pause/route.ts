import { pauseBackfill } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { requestActor } from '@/lib/server/api/request-actor';
import { backfillIdOf } from '@/lib/server/backfills/backfill-id';
import { database } from '@/lib/server/database';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string; backfillId: string }>(async (request, params) => ({
  backfill: await pauseBackfill(database(), {
    sinkId: sinkIdOf(params),
    backfillId: backfillIdOf(params),
    by: requestActor(request),
  }),
}));
