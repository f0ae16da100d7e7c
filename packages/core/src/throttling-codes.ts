/**
 * Kinesis' answers that mean "slow down" (issue 17): back-pressure on the stream or a shard, not
 * a failure of the message. A message whose latest attempt got one of these still waits
 * (`pending`): the console shows it as throttled, never as failing.
 */
export const THROTTLING_ERROR_CODES: readonly string[] = [
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  'KMSThrottlingException',
  'ThrottlingException',
  // A gateway's own "too many requests" without a Kinesis error name.
  'HTTP_429',
];

const THROTTLING = new Set(THROTTLING_ERROR_CODES);

export function isThrottlingCode(code: string): boolean {
  return THROTTLING.has(code);
}
