import { revokeApiToken } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { requestActor } from '@/lib/server/api/request-actor';
import { uuidParam } from '@/lib/server/api/uuid-param';
import { database } from '@/lib/server/database';

export const dynamic = 'force-dynamic';

/** Revokes an API token: the next request with it is a 401. */
export const DELETE = apiRoute(
  async (request, params) => {
    await revokeApiToken(database(), { tokenId: uuidParam(params, 'token'), by: requestActor(request) });
    return { revoked: true };
  },
  { access: 'admin' },
);
