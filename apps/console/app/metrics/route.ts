import { register } from 'prom-client';
import { apiRoute } from '@/lib/server/api/api-route';
import { consoleRequestDurations } from '@/lib/server/metrics/console-metrics';

export const dynamic = 'force-dynamic';

// Like the API it needs credentials (an API token, as Prometheus sends one with
// `authorization: { credentials: … }`): route names and traffic tell about the deployment.
export const GET = apiRoute(
  async () => {
    consoleRequestDurations();
    return new Response(await register.metrics(), {
      headers: { 'content-type': register.contentType, 'cache-control': 'no-store' },
    });
  },
  { access: 'viewer' },
);
