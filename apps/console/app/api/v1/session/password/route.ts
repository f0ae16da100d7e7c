import { changeOwnPassword, changePasswordInputSchema } from '@shardline/db';
import { ApiError } from '@/lib/server/api/api-error';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestPrincipal } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';

export const dynamic = 'force-dynamic';

/**
 * The signed-in account changes its own password (any role), giving the current one. Its other
 * sessions end; this one goes on.
 */
export const POST = apiRoute(
  async (request) => {
    const principal = requestPrincipal(request);
    if (principal?.kind !== 'session' || !principal.accountId || !principal.sessionToken) {
      throw new ApiError(
        403,
        'forbidden',
        'an API token has no password: sign in to the console to change the password of an account',
      );
    }
    const input = await readJsonBody(request, changePasswordInputSchema, 'credentials');
    await changeOwnPassword(database(), {
      accountId: principal.accountId,
      sessionToken: principal.sessionToken,
      input,
    });
    return { changed: true };
  },
  { access: 'viewer' },
);
