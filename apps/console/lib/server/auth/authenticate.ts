import { apiTokenOf, sessionAccount } from '@shardline/db';
import { ApiError } from '../api/api-error';
import { database } from '../database';
import type { Principal } from './principal';
import { sessionTokenOf } from './session-cookie';

/**
 * Who sent the request: an `Authorization: Bearer` API token first, else the session cookie.
 * Null when neither names anyone; a bearer token that is not valid is a 401 at once (it is not
 * retried as a cookie, so a script with a revoked token learns why).
 */
export async function authenticate(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match?.[1] ? await apiTokenOf(database(), { token: match[1] }) : null;
    if (!token) {
      throw new ApiError(
        401,
        'unauthenticated',
        'the API token is not valid (revoked, or mistyped): send Authorization: Bearer <token> with a token from the Access page',
      );
    }
    return { kind: 'token', name: token.name, role: token.role };
  }
  const sessionToken = sessionTokenOf(request);
  if (!sessionToken) return null;
  const account = await sessionAccount(database(), { sessionToken });
  if (!account) return null;
  return { kind: 'session', name: account.email, role: account.role, accountId: account.id, sessionToken };
}
