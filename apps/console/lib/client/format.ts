const numberFormat = new Intl.NumberFormat('en-US');

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFormat.format(value);
}

/** A count the API sends as a string (a bigint: it may exceed what a JSON number holds exactly). */
export function formatCount(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return /^-?\d+$/.test(value) ? BigInt(value).toLocaleString('en-US') : value;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${numberFormat.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** A length of time in the largest unit that keeps it readable: `850 ms`, `42 s`, `3 min`, `2 h 5 min`, `4 d`. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1_000) return `${Math.round(abs)} ms`;
  const seconds = Math.round(abs / 1_000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** `3 s ago`, `in 2 min`, `now`. */
export function formatRelative(iso: string, now: number): string {
  const diff = new Date(iso).getTime() - now;
  if (Number.isNaN(diff)) return iso;
  if (Math.abs(diff) < 1_000) return 'now';
  return diff < 0 ? `${formatDuration(-diff)} ago` : `in ${formatDuration(diff)}`;
}

export function formatAbsolute(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { timeZoneName: 'short' });
}

/**
 * A position of the write-ahead log in Postgres' own notation (`16/B374D848`). The API gives it
 * as a decimal string (it exceeds what a JSON number holds); other forms are shown as they are.
 */
export function formatLsn(lsn: string): string {
  if (!/^\d+$/.test(lsn)) return lsn;
  const value = BigInt(lsn);
  return `${(value >> 32n).toString(16).toUpperCase()}/${(value & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** JSON text or a value, indented for reading; text that is not JSON is shown as it is. */
export function prettyJson(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2) ?? '';
}
