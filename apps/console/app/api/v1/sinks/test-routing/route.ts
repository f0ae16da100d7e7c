import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { runRoutingTest } from '@/lib/server/sinks/routing/run-routing-test';
import { testRoutingInputSchema } from '@/lib/server/sinks/routing/test-routing-input';

export const dynamic = 'force-dynamic';

// A pasted message may be as large as a record: the transforms' body limit.
export const POST = apiRoute(async (request) =>
  runRoutingTest(await readJsonBody(request, testRoutingInputSchema, 'transforms')),
);
