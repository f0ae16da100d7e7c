import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { planConfig } from '@/lib/server/config/apply-config';
import { configRequestSchema } from '@/lib/server/config/config-request';

export const dynamic = 'force-dynamic';

// Changes nothing, but shows secrets' existence and the whole configuration: admins only.
export const POST = apiRoute(async (request) =>
  planConfig(await readJsonBody(request, configRequestSchema, 'configuration')),
);
