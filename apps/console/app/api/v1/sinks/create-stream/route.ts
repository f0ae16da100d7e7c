import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { createSinkStream } from '@/lib/server/sinks/create-sink-stream';
import { createStreamInputSchema } from '@/lib/server/sinks/create-stream-input';

export const dynamic = 'force-dynamic';

// An AWS failure is the answer to the request (ok: false), so it comes with status 200, as with Test connection.
export const POST = apiRoute(async (request) =>
  createSinkStream(await readJsonBody(request, createStreamInputSchema), requestActor(request)),
);
