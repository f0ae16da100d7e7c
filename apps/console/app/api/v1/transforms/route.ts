import { createTransformInputSchema, listTransforms } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { createTransformChecked } from '@/lib/server/transforms/transform-operations';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ transforms: await listTransforms(database()) }));

export const POST = apiRoute(
  async (request) =>
    createTransformChecked(await readJsonBody(request, createTransformInputSchema, 'transforms'), {
      by: requestActor(request),
    }),
  { status: 201 },
);
