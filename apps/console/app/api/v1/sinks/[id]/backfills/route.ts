import { listBackfills, startBackfill, startBackfillBodySchema } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { checkNarrowingOnSource } from '@/lib/server/backfills/check-narrowing-on-source';
import { database } from '@/lib/server/database';
import { existingSinkId } from '@/lib/server/messages/existing-sink-id';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

/** The sink's backfills, newest first: the one under way (if any) and the history. */
export const GET = apiRoute<{ id: string }>(async (_request, params) => {
  const sinkId = await existingSinkId(params);
  return { backfills: await listBackfills(database(), { sinkId }) };
});

/** Starts one; conditions and key ranges are tried on the source first. The engine runs it. */
export const POST = apiRoute<{ id: string }>(
  async (request, params) => {
    const sinkId = sinkIdOf(params);
    const input = await readJsonBody(request, startBackfillBodySchema);
    const backfill = await startBackfill(
      database(),
      { ...input, sinkId },
      { by: requestActor(request), checkNarrowing: checkNarrowingOnSource },
    );
    return { backfill };
  },
  { status: 201 },
);
