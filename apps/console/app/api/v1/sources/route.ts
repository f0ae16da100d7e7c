import { createSourceInputSchema, listSourceSummaries } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { forceRequested } from '@/lib/server/api/force-flag';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { createSourceChecked } from '@/lib/server/sources/source-operations';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ sources: await listSourceSummaries(database()) }));

export const POST = apiRoute(
  async (request) =>
    createSourceChecked(await readJsonBody(request, createSourceInputSchema), {
      by: requestActor(request),
      force: forceRequested(request),
    }),
  { status: 201 },
);
