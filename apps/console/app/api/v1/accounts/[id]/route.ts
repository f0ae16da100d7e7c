import { deleteAccount } from '@shardline/db';
import { apiRoute } from '../../../../../lib/server/api/api-route';
import { requestActor } from '../../../../../lib/server/api/request-actor';
import { uuidParam } from '../../../../../lib/server/api/uuid-param';
import { database } from '../../../../../lib/server/database';

export const dynamic = 'force-dynamic';

/** Deletes an account and signs it out everywhere (not the last administrator). */
export const DELETE = apiRoute(
  async (request, params) => {
    await deleteAccount(database(), { accountId: uuidParam(params, 'account'), by: requestActor(request) });
    return { deleted: true };
  },
  { access: 'admin' },
);
