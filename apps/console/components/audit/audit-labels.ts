import type { AuditAction, AuditTargetType } from '@/lib/client/api-types';

/** Every action the audit trail records, as the filter and the table name it. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'sink.create': 'Sink created',
  'sink.update': 'Sink edited',
  'sink.delete': 'Sink deleted',
  'sink.pause': 'Sink paused',
  'sink.resume': 'Sink resumed',
  'backfill.start': 'Backfill started',
  'backfill.pause': 'Backfill paused',
  'backfill.resume': 'Backfill resumed',
  'backfill.cancel': 'Backfill cancelled',
  'source.create': 'Source added',
  'source.update': 'Source edited',
  'source.delete': 'Source removed',
  'transform.create': 'Transform created',
  'transform.update': 'Transform edited',
  'transform.delete': 'Transform deleted',
  'message.retry': 'Message retried',
  'message.discard': 'Message discarded',
  'message.resend': 'Message re-sent',
  'bulk.retry': 'Retry all',
  'bulk.discard': 'Discard all',
  'bulk.resend': 'Re-send all',
  'account.create': 'Account created',
  'account.delete': 'Account deleted',
  'account.sign_in_failure': 'Sign-in failed',
  'account.lock': 'Sign-in locked',
  'account.role_change': 'Account role changed',
  'account.password_reset': 'Password reset by an administrator',
  'account.password_change': 'Password changed',
  'token.create': 'API token created',
  'token.revoke': 'API token revoked',
  'alerts.settings_changed': 'Alert settings changed',
  'config.apply': 'Configuration file applied',
  'stream.create': 'Kinesis stream created',
};

export const AUDIT_TARGET_LABELS: Record<AuditTargetType, string> = {
  sink: 'Sink',
  source: 'Source',
  transform: 'Transform',
  message: 'Message',
  account: 'Account',
  token: 'API token',
  alert_settings: 'Alert settings',
  configuration: 'Configuration',
  stream: 'Kinesis stream',
};

/** Settings as a person reads them; a field not listed is split at its capitals. */
const FIELD_LABELS: Record<string, string> = {
  streamArn: 'stream ARN',
  accessKeyId: 'access key id',
  secretAccessKey: 'secret access key',
  backoffCapMs: 'backoff cap',
  maxAttempts: 'maximum attempts',
  maxRecordSizeBytes: 'record size limit',
  aggregateRecords: 'record aggregation',
  sourceId: 'source',
  transformId: 'transform',
  filterSource: 'filter',
  routingSource: 'routing function',
  sslMode: 'SSL mode',
  publicationName: 'publication',
  slotName: 'slot',
  body: 'code or path',
  webhookUrl: 'webhook URL',
  'thresholds.groupBlockedMs': 'group blocked threshold',
  'thresholds.sinkFailingMs': 'sink failing threshold',
  'thresholds.sinkNotCapturingMs': 'sink not capturing threshold',
  'thresholds.sinkThrottledMs': 'sink throttled threshold',
  'thresholds.sourceLagBytes': 'source lag threshold',
  'thresholds.sourceStalledMs': 'source stalled threshold',
};

/** Fields whose value is never recorded, only that it changed. */
const SECRET_FIELDS = new Set(['secretAccessKey', 'password']);

export function fieldLabel(field: string): string {
  const label = FIELD_LABELS[field] ?? field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return SECRET_FIELDS.has(field) ? `${label} (not recorded)` : label;
}
