import type { KinesisConnection } from './connection';

// The SDK appends this hint to deserialization failures; it means nothing to an operator.
const SDK_DESERIALIZATION_HINT = /\s*Deserialization error: to see the raw response.*$/s;
// Placeholder messages the SDK invents when the response carried none.
const EMPTY_MESSAGES = new Set(['', 'UnknownError', 'Unknown']);

/** " (AWS said: …)" with the service's own text, or nothing when it said nothing useful. */
export function awsSaid(message: string | undefined, connection: KinesisConnection): string {
  const text = cleanMessage(message, connection);
  return text ? ` (AWS said: ${text})` : '';
}

export function cleanMessage(message: string | undefined, connection: KinesisConnection): string {
  const text = redactSecrets((message ?? '').replace(SDK_DESERIALIZATION_HINT, '').trim(), connection);
  return EMPTY_MESSAGES.has(text) ? '' : text;
}

/** Defence in depth: no path may put the secret key into a stored or displayed message. */
export function redactSecrets(text: string, connection: KinesisConnection): string {
  const secret = connection.credentials?.secretAccessKey;
  return secret ? text.split(secret).join('[redacted]') : text;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** Whether an error concerns a whole request or one record inside it; only the wording differs. */
export type ErrorScope = 'request' | 'record';

/**
 * What follows a failed call: delivery sends the records again, and says so; a connection test
 * or a read of the stream sends none, so its wording says nothing of what comes next.
 */
export type AfterFailure = 'records-retried' | 'nothing-sent';

/** "; the records will be retried" (with `note` in brackets) after a delivery failure; nothing otherwise. */
export function retryClause(
  after: AfterFailure,
  options: { scope?: ErrorScope; note?: string } = {},
): string {
  if (after === 'nothing-sent') return '';
  const retried = options.scope === 'record' ? 'it will be retried' : 'the records will be retried';
  return `; ${retried}${options.note ? ` (${options.note})` : ''}`;
}
