import type { Alert, AlertKind, AlertState } from '@/lib/client/api-types';

/** Every kind of alert as a person reads it (docs/alerts.md). */
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  message_too_large: 'Messages over the record size limit',
  group_blocked: 'Groups blocked',
  sink_failing: 'Sink failing',
  sink_not_capturing: 'Sink not capturing',
  sink_throttled: 'Sink throttled by Kinesis',
  source_lagging: 'Source lagging',
};

export const ALERT_STATE_LABELS: Record<AlertState, string> = {
  active: 'Active',
  resolved: 'Resolved',
};

/** What the alert is about, and where to see it. */
export function alertTarget(alert: Alert): { type: string; label: string; href: string } {
  if (alert.sinkId) return { type: 'Sink', label: alert.targetName, href: `/sinks/${alert.sinkId}` };
  return { type: 'Source', label: alert.targetName, href: `/sources/${alert.sourceId}` };
}

/** How the webhook took the alert's notices, in words; null when no webhook was called. */
export function describeNotifications(alert: Alert): string | null {
  const { openedAt, resolvedAt, error } = alert.notifications;
  if (error) return `Webhook failed: ${error}`;
  if (resolvedAt) return 'Webhook told of opening and resolving';
  if (openedAt) return 'Webhook told';
  return null;
}
