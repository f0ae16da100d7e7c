import { ApiError } from '../api/api-error';

// Message ids are Postgres bigints: 1 to 19 digits, at most 2^63 - 1.
const MAX_MESSAGE_ID = 9_223_372_036_854_775_807n;

/** The message id of a route's `{messageId}` segment; a 400 saying what an id looks like otherwise. */
export function messageIdOf(params: { messageId: string }): bigint {
  const raw = params.messageId;
  if (/^\d{1,19}$/.test(raw) && BigInt(raw) <= MAX_MESSAGE_ID) return BigInt(raw);
  throw new ApiError(
    400,
    'invalid_input',
    `messageId: "${raw}" is not a message id: message ids are whole numbers, such as the id of a message in GET /api/v1/sinks/{id}/messages`,
    'messageId',
  );
}
