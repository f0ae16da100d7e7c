/**
 * Error codes with which Kinesis (or KMS behind it) says "slow down", per record or for a whole
 * request. They are back-pressure, not a failure of the record: the sender lowers its rate and
 * sends the record again as soon as the rate allows.
 */
const THROTTLING_CODES = new Set([
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  'KMSThrottlingException',
  'ThrottlingException',
  // A gateway's own "too many requests" without a Kinesis error name.
  'HTTP_429',
]);

export function isThrottlingCode(code: string): boolean {
  return THROTTLING_CODES.has(code);
}

/**
 * Codes that can mean the stream's shards changed under the sender (a split or merge under
 * way, a shard gone): the shard map is read again at once.
 */
const RESHARDING_CODES = new Set(['ResourceInUseException', 'InvalidArgumentException']);

export function mayMeanReshard(code: string): boolean {
  return RESHARDING_CODES.has(code);
}
