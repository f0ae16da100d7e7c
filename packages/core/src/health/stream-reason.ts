import type { HealthReason } from './health-reasons';

export type StreamReason = Extract<HealthReason, `stream_${string}`>;

const BY_CODE = new Map<string, StreamReason>([
  ['ResourceNotFoundException', 'stream_not_found'],
  ['AccessDeniedException', 'stream_access_denied'],
  ['AccessDenied', 'stream_access_denied'],
  ['KMSAccessDeniedException', 'stream_access_denied'],
  ['UnrecognizedClientException', 'stream_credentials_invalid'],
  ['InvalidClientTokenId', 'stream_credentials_invalid'],
  ['InvalidSignatureException', 'stream_credentials_invalid'],
  ['SignatureDoesNotMatch', 'stream_credentials_invalid'],
  ['IncompleteSignature', 'stream_credentials_invalid'],
  ['MissingAuthenticationToken', 'stream_credentials_invalid'],
  ['ExpiredTokenException', 'stream_credentials_invalid'],
  ['CredentialsProviderError', 'stream_credentials_invalid'],
  ['ECONNREFUSED', 'stream_unreachable'],
  ['ENOTFOUND', 'stream_unreachable'],
  ['EAI_AGAIN', 'stream_unreachable'],
  ['ECONNRESET', 'stream_unreachable'],
  ['EPIPE', 'stream_unreachable'],
  ['ETIMEDOUT', 'stream_unreachable'],
  ['EHOSTUNREACH', 'stream_unreachable'],
  ['ENETUNREACH', 'stream_unreachable'],
  ['TimeoutError', 'stream_unreachable'],
]);

/**
 * The stream-level reason an error code means: the whole stream is out of reach with these
 * settings, whatever the record. Null for the codes that are about one record or a passing
 * condition (a record too large, a throttled shard, an internal failure).
 */
export function streamReasonOf(code: string): StreamReason | null {
  return BY_CODE.get(code) ?? null;
}

/** Every code that is a stream-level failure, for finding them among delivery attempts. */
export const STREAM_LEVEL_ERROR_CODES: readonly string[] = [...BY_CODE.keys()];
