import { createAccount, createAccountInputSchema, listAccounts } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => ({ accounts: await listAccounts(database()) }), { access: 'admin' });

export const POST = apiRoute(
  async (request) => {
    const input = await readJsonBody(request, createAccountInputSchema, 'credentials');
    return { account: await createAccount(database(), { input, by: requestActor(request) }) };
  },
  { status: 201, access: 'admin' },
);
