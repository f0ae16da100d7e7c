/** admin may do everything; viewer sees everything (never a secret) and changes nothing. */
export const ACCOUNT_ROLES = ['admin', 'viewer'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** A session unused for this long is over (docs/security.md, "Sign-in and roles"). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** A session's last use is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 60 * 1000;
/** This many failed sign-ins for an email within SIGN_IN_FAILURE_WINDOW_MS lock it… */
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** …for this long. */
export const SIGN_IN_LOCK_MS = 15 * 60 * 1000;
