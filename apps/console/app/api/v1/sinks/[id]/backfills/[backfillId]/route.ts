import { getBackfill } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { backfillIdOf } from '@/lib/server/backfills/backfill-id';
import { database } from '@/lib/server/database';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string; backfillId: string }>(async (_request, params) => ({
  backfill: await getBackfill(database(), { sinkId: sinkIdOf(params), backfillId: backfillIdOf(params) }),
}));
