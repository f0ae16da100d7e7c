/** Who the console is recorded as until it has sign-in (docs/decisions.md, "Audit trail"). */
export const CONSOLE_ACTOR = 'console';

/**
 * Who is making a request, as the audit trail and the messages (discarded by, paused by) record
 * it. Every route that changes something passes this to the data layer, so sign-in only has to
 * answer the signed-in account here.
 */
export function requestActor(_request: Request): string {
  return CONSOLE_ACTOR;
}
