import { getTransform, updateTransformInputSchema } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { transformIdOf } from '@/lib/server/transforms/transform-id';
import {
  deleteTransformRecorded,
  updateTransformChecked,
} from '@/lib/server/transforms/transform-operations';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (_request, params) => ({
  transform: await getTransform(database(), { transformId: transformIdOf(params) }),
}));

export const PATCH = apiRoute(async (request, params) => {
  const transformId = transformIdOf(params);
  const input = await readJsonBody(request, updateTransformInputSchema, 'transforms');
  return updateTransformChecked(transformId, input, { by: requestActor(request) });
});

export const DELETE = apiRoute(async (request, params) =>
  deleteTransformRecorded(transformIdOf(params), { by: requestActor(request) }),
);
