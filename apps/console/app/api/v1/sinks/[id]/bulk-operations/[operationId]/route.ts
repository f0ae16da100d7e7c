import { getBulkOperation } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { database } from '@/lib/server/database';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string; operationId: string }>(async (_request, params) => ({
  operation: await getBulkOperation(database(), {
    sinkId: sinkIdOf(params),
    operationId: params.operationId,
  }),
}));
