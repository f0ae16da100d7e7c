import { apiRoute } from '@/lib/server/api/api-route';
import { forceRequested } from '@/lib/server/api/force-flag';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { applyConfig } from '@/lib/server/config/apply-config';
import { configRequestSchema } from '@/lib/server/config/config-request';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async (request) =>
  applyConfig(await readJsonBody(request, configRequestSchema, 'configuration'), {
    by: requestActor(request),
    force: forceRequested(request),
  }),
);
