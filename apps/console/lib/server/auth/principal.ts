import type { AccountRole } from '@shardline/db';

/** Who a request comes from: a signed-in account (cookie) or an API token (bearer). */
export interface Principal {
  kind: 'session' | 'token';
  /** The account's email or the token's name: what the audit trail records. */
  name: string;
  role: AccountRole;
  /** The account's id, for a session. */
  accountId?: string;
  /** The session token from the cookie, for a session (sign-out deletes it). */
  sessionToken?: string;
}
