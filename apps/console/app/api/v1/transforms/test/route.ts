import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { runTransformTest } from '@/lib/server/transforms/run-transform-test';
import { testTransformInputSchema } from '@/lib/server/transforms/test-transform-input';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async (request) =>
  runTransformTest(await readJsonBody(request, testTransformInputSchema, 'transforms')),
);
