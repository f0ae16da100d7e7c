import type { AlertKind } from '@shardline/db';

/** An alert's kind as a title, in the log, the webhook and the console. */
export const ALERT_TITLES: Record<AlertKind, string> = {
  message_too_large: 'Messages over the record size limit',
  group_blocked: 'Groups blocked',
  sink_failing: 'Sink failing',
  source_lagging: 'Source lagging',
};

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** A span as a person says it: 45 s, 12 min, 3 h 5 min, 2 d 4 h. */
export function formatSpan(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** `a`, `a, b`, … with quotes, and how many more. */
export function examples(items: string[], total: number): string {
  const shown = items.map((item) => `"${item}"`).join(', ');
  return total > items.length ? `${shown} and ${(total - items.length).toLocaleString('en-US')} more` : shown;
}
