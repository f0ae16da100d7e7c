import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { testConnectionInputSchema } from '@/lib/server/sinks/test-connection-input';
import { testSinkConnection } from '@/lib/server/sinks/test-sink-connection';

export const dynamic = 'force-dynamic';

// An AWS failure is the answer to the question asked (ok: false), so it comes with status 200.
export const POST = apiRoute(async (request) =>
  testSinkConnection(await readJsonBody(request, testConnectionInputSchema)),
);
