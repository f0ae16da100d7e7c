import type { Principal } from '../auth/principal';

/** Who a change is recorded as when a request names nobody (never, behind apiRoute). */
export const CONSOLE_ACTOR = 'console';

// Filled by apiRoute once it has authenticated the request.
const principals = new WeakMap<Request, Principal>();

export function rememberPrincipal(request: Request, principal: Principal): void {
  principals.set(request, principal);
}

/** Who sent the request, as apiRoute authenticated it; null for a public route without credentials. */
export function requestPrincipal(request: Request): Principal | null {
  return principals.get(request) ?? null;
}

/**
 * Who is making a request, as the audit trail and the messages (discarded by, paused by) record
 * it: the signed-in account's email, or the API token's name. Every route that changes something
 * passes this to the data layer.
 */
export function requestActor(request: Request): string {
  return principals.get(request)?.name ?? CONSOLE_ACTOR;
}
