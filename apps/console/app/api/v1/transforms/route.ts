import { createTransform, createTransformInputSchema, getTransform, listTransforms } from '@shardline/db';
import { apiRoute } from '../../../../lib/server/api/api-route';
import { readJsonBody } from '../../../../lib/server/api/read-input';
import { requestActor } from '../../../../lib/server/api/request-actor';
import { database } from '../../../../lib/server/database';
import { assertTransformCompiles } from '../../../../lib/server/transforms/transform-definition';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ transforms: await listTransforms(database()) }));

export const POST = apiRoute(
  async (request) => {
    const input = await readJsonBody(request, createTransformInputSchema, 'transforms');
    await assertTransformCompiles(input, 'body');
    const created = await createTransform(database(), { input, by: requestActor(request) });
    // Answered as GET /transforms/{id} answers it, with its (one) version.
    return { transform: await getTransform(database(), { transformId: created.id }) };
  },
  { status: 201 },
);
