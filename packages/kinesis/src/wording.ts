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

// Delivery wording speaks of records being retried; a connection test or a read sends none.
const RETRY_CLAUSE =
  /; (?:the records|it) will be retried(?: \(the request may still have been written, delivery is at least once\))?/;

/** A delivery error's message without what delivery would do next, for calls that send nothing. */
export function withoutRetryClause(message: string): string {
  return message.replace(RETRY_CLAUSE, '');
}
