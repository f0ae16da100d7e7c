/** What an alert is about (docs/alerts.md). Every mapping of kinds goes through `Record<AlertKind, …>`. */
export const ALERT_KINDS = [
  'message_too_large',
  'group_blocked',
  'sink_failing',
  'sink_not_capturing',
  'sink_throttled',
  'source_lagging',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Kinds about a sink; the others are about a source. */
export const SINK_ALERT_KINDS = [
  'message_too_large',
  'group_blocked',
  'sink_failing',
  'sink_not_capturing',
  'sink_throttled',
] as const;

/** Whether an alert is still open (`active`) or has cleared (`resolved`). */
export const ALERT_STATES = ['active', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
