import { bulkOperationInputSchema, createBulkOperation, listBulkOperations } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { existingSinkId } from '@/lib/server/messages/existing-sink-id';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

/** Queues the operation; an engine runs it in the background (202: accepted, not done). */
export const POST = apiRoute<{ id: string }>(
  async (request, params) => {
    const sinkId = sinkIdOf(params);
    const input = await readJsonBody(request, bulkOperationInputSchema);
    return { operation: await createBulkOperation(database(), { sinkId, input, by: requestActor(request) }) };
  },
  { status: 202 },
);

export const GET = apiRoute<{ id: string }>(async (_request, params) => {
  const sinkId = await existingSinkId(params);
  return { operations: await listBulkOperations(database(), { sinkId }) };
});
