import { createFirstAccount, firstAccountInputSchema, hasAccounts, signIn } from '@shardline/db';
import { sessionAnswer } from '@/lib/server/access/session-answer';
import { ApiError } from '@/lib/server/api/api-error';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { database } from '@/lib/server/database';

export const dynamic = 'force-dynamic';

/** Whether the console still needs its first administrator. */
export const GET = apiRoute(async () => ({ needed: !(await hasAccounts(database())) }), { access: 'public' });

/** Creates the first administrator, only while there is no account, and signs them in. */
export const POST = apiRoute(
  async (request) => {
    const input = await readJsonBody(request, firstAccountInputSchema, 'credentials');
    const account = await createFirstAccount(database(), { input });
    const result = await signIn(database(), { input });
    if (!result.ok)
      throw new ApiError(500, 'internal', 'the administrator was created but could not sign in');
    return sessionAnswer(request, account, result.sessionToken, 201);
  },
  { access: 'public' },
);
