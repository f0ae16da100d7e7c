import { deleteTransform, getTransform, updateTransform, updateTransformInputSchema } from '@shardline/db';
import { apiRoute } from '../../../../../lib/server/api/api-route';
import { readJsonBody } from '../../../../../lib/server/api/read-input';
import { requestActor } from '../../../../../lib/server/api/request-actor';
import { database } from '../../../../../lib/server/database';
import { assertTransformCompiles } from '../../../../../lib/server/transforms/transform-definition';
import { transformIdOf } from '../../../../../lib/server/transforms/transform-id';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (_request, params) => ({
  transform: await getTransform(database(), { transformId: transformIdOf(params) }),
}));

export const PATCH = apiRoute(async (request, params) => {
  const transformId = transformIdOf(params);
  const input = await readJsonBody(request, updateTransformInputSchema, 'transforms');
  if (input.kind !== undefined || input.body !== undefined) {
    // A new kind is checked with the body it will run with, and a new body with the kind.
    const current = await getTransform(database(), { transformId });
    await assertTransformCompiles(
      { kind: input.kind ?? current.kind, body: input.body ?? current.body },
      input.body === undefined ? 'kind' : 'body',
    );
  }
  await updateTransform(database(), { transformId, input, by: requestActor(request) });
  return { transform: await getTransform(database(), { transformId }) };
});

export const DELETE = apiRoute(async (request, params) => {
  await deleteTransform(database(), { transformId: transformIdOf(params), by: requestActor(request) });
  return { deleted: true };
});
