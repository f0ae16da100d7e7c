import type { PublicAccount } from '@shardline/db';
import { jsonResponse } from '../api/json-response';
import { sessionCookie } from '../auth/session-cookie';

/** The answer to a sign-in or a first-run setup: who is signed in, and the session cookie. */
export function sessionAnswer(
  request: Request,
  account: PublicAccount,
  sessionToken: string,
  status = 200,
): Response {
  return jsonResponse({ account: { email: account.email, role: account.role } }, status, {
    'set-cookie': sessionCookie(request, sessionToken),
  });
}
