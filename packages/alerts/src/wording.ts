import type { AlertKind } from '@shardline/db';

/** An alert's kind as a title, in the log, the webhook and the console. */
export const ALERT_TITLES: Record<AlertKind, string> = {
  message_too_large: 'Messages over the record size limit',
  group_blocked: 'Groups blocked',
  sink_failing: 'Sink failing',
  sink_not_capturing: 'Sink not capturing',
  sink_throttled: 'Sink throttled by Kinesis',
  source_lagging: 'Source lagging',
};

// Worded as the health states word them.
export { formatBytes, formatSpan } from '@shardline/core';

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** `a`, `a, b`, … with quotes, and how many more. */
export function examples(items: string[], total: number): string {
  const shown = items.map((item) => `"${item}"`).join(', ');
  return total > items.length ? `${shown} and ${(total - items.length).toLocaleString('en-US')} more` : shown;
}
