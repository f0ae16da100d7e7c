import { signIn, signInInputSchema, signOut } from '@shardline/db';
import { sessionAnswer } from '@/lib/server/access/session-answer';
import { ApiError } from '@/lib/server/api/api-error';
import { apiRoute } from '@/lib/server/api/api-route';
import { jsonResponse } from '@/lib/server/api/json-response';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestPrincipal } from '@/lib/server/api/request-actor';
import { clientAddress } from '@/lib/server/auth/forwarded';
import { clearedSessionCookie } from '@/lib/server/auth/session-cookie';
import { database } from '@/lib/server/database';

export const dynamic = 'force-dynamic';

/** Who is calling: the signed-in account, or the API token. */
export const GET = apiRoute(async (request) => {
  const principal = requestPrincipal(request);
  return {
    account: principal ? { email: principal.name, role: principal.role, kind: principal.kind } : null,
  };
});

/** Signs in with an email and password: sets the session cookie. */
export const POST = apiRoute(
  async (request) => {
    const input = await readJsonBody(request, signInInputSchema, 'credentials');
    const result = await signIn(database(), { input, clientAddress: clientAddress(request) });
    if (result.ok) return sessionAnswer(request, result.account, result.sessionToken);
    if (result.reason === 'rate_limited') {
      const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
      throw new ApiError(
        429,
        'rate_limited',
        `too many failed sign-ins from this address: try again in ${Math.ceil(seconds / 60)} minute(s)`,
        undefined,
        { retryAfterSeconds: seconds },
      );
    }
    if (result.reason === 'locked') {
      const minutes = Math.max(1, Math.ceil((result.lockedUntil.getTime() - Date.now()) / 60_000));
      throw new ApiError(
        429,
        'locked',
        `too many failed sign-ins for ${input.email}: it is locked for ${minutes} more minute(s) (until ${result.lockedUntil.toISOString()}); try again then, or ask an administrator`,
      );
    }
    throw new ApiError(401, 'invalid_credentials', 'the email or the password is wrong');
  },
  { access: 'public' },
);

/** Signs out: deletes the session, so its cookie signs nobody in any more. */
export const DELETE = apiRoute(
  async (request) => {
    const sessionToken = requestPrincipal(request)?.sessionToken;
    if (sessionToken) await signOut(database(), { sessionToken });
    return jsonResponse({ signedOut: true }, 200, { 'set-cookie': clearedSessionCookie(request) });
  },
  { access: 'viewer' },
);
