/** What the audit trail records: every change of configuration, every retry, discard and re-send. */
export const AUDIT_ACTIONS = [
  'sink.create',
  'sink.update',
  'sink.delete',
  'sink.pause',
  'sink.resume',
  'backfill.start',
  'backfill.pause',
  'backfill.resume',
  'backfill.cancel',
  'source.create',
  'source.update',
  'source.delete',
  'transform.create',
  'transform.update',
  'transform.delete',
  'message.retry',
  'message.discard',
  'message.resend',
  'bulk.retry',
  'bulk.discard',
  'bulk.resend',
  'account.create',
  'account.delete',
  'account.sign_in_failure',
  'account.lock',
  'account.role_change',
  'account.password_reset',
  'account.password_change',
  'token.create',
  'token.revoke',
  'alerts.settings_changed',
  'config.apply',
  'stream.create',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What an action was done to. A bulk operation's and a backfill's target is its sink; a failed sign-in's is the
 * account (its id, or the email typed when no account has it); a Kinesis stream's id is its ARN.
 * A change of a sink's own alert thresholds targets the sink; of the installation's alert
 * settings, `alert_settings`.
 */
export const AUDIT_TARGET_TYPES = [
  'sink',
  'source',
  'transform',
  'message',
  'account',
  'token',
  'alert_settings',
  'configuration',
  'stream',
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/**
 * Who a change is recorded as when the caller does not say (scripts, engines; changes made
 * before sign-in existed). The API always passes the account's email or the token's name.
 */
export const DEFAULT_ACTOR = 'console';

/** The actor to record: the one given, or DEFAULT_ACTOR. */
export function actorOf(by: string | null | undefined): string {
  return by?.trim() || DEFAULT_ACTOR;
}
