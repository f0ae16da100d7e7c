import { createApiToken, createApiTokenInputSchema, listApiTokens } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ tokens: await listApiTokens(database()) }), { access: 'admin' });

/** Creates an API token: `token` is in this answer only, never again. */
export const POST = apiRoute(
  async (request) => {
    const input = await readJsonBody(request, createApiTokenInputSchema, 'credentials');
    const { apiToken, token } = await createApiToken(database(), { input, by: requestActor(request) });
    return { token: { ...apiToken, token } };
  },
  { status: 201, access: 'admin' },
);
