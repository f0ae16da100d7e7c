import { createSinkInputSchema, listSinkSummaries } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { forceRequested } from '@/lib/server/api/force-flag';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { createSinkChecked } from '@/lib/server/sinks/sink-operations';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ sinks: await listSinkSummaries(database()) }));

// Answered in the same shape as GET, so the console can show it without another request.
export const POST = apiRoute(
  async (request) =>
    createSinkChecked(await readJsonBody(request, createSinkInputSchema), {
      by: requestActor(request),
      force: forceRequested(request),
    }),
  { status: 201 },
);
