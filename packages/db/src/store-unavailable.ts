/**
 * SQLSTATEs a server sends while it goes away or comes back: the statement may be sent again on
 * a new connection once it is up. Class 08 is "connection exception".
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: a fast shutdown or restart, or pg_terminate_backend
  '57P02', // crash_shutdown: another backend crashed and the server is resetting
  '57P03', // cannot_connect_now: starting up, shutting down, or in recovery
  '53300', // too_many_connections: every client reconnecting at once after a restart
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** Socket errors of a server that is down, restarting, or out of reach for a moment. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * What node-postgres says when a connection is lost under a query or cannot be made in time.
 * "Connection terminated" without "unexpectedly" and "Client was closed" are left out: they
 * mean this process closed the connection itself, and waiting would not bring it back.
 */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated unexpectedly$/,
  /^Connection terminated due to connection timeout$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^timeout exceeded when trying to connect$/,
];

/**
 * Whether `error` says the store could not be reached (down, restarting, the connection cut)
 * rather than that the statement itself was wrong: the same statement can be tried again later.
 * Looks through `cause` chains, as pool errors wrap the socket error that caused them.
 */
export function isStoreUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)))
      return true;
    const { message } = current;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    // Node's happy-eyeballs connect reports every refused address together.
    if (current instanceof AggregateError && current.errors.some((inner) => isStoreUnavailable(inner)))
      return true;
    current = current.cause;
  }
  return false;
}
