import { deleteAccount, updateAccount, updateAccountInputSchema } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { uuidParam } from '@/lib/server/api/uuid-param';
import { database } from '@/lib/server/database';

export const dynamic = 'force-dynamic';

/** Deletes an account and signs it out everywhere (not the last administrator). */
export const DELETE = apiRoute(
  async (request, params) => {
    await deleteAccount(database(), { accountId: uuidParam(params, 'account'), by: requestActor(request) });
    return { deleted: true };
  },
  { access: 'admin' },
);

/** Changes an account's role or resets its password (admin); its sessions end. */
export const PATCH = apiRoute(
  async (request, params) => {
    const accountId = uuidParam(params, 'account');
    const input = await readJsonBody(request, updateAccountInputSchema, 'credentials');
    return { account: await updateAccount(database(), { accountId, input, by: requestActor(request) }) };
  },
  { access: 'admin' },
);
