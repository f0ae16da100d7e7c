export interface RetryPolicy {
  /** Delay before the first retry. */
  initialDelayMs: number;
  /** Longest delay between two attempts. */
  maxDelayMs: number;
  /** Share of each delay that is randomised, so failing groups do not retry in lockstep. */
  jitterRatio: number;
  /** Failed attempts after which a message is discarded; null retries forever. */
  maxAttempts: number | null;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 180_000,
  jitterRatio: 0.25,
  maxAttempts: null,
};

/** The delay before attempt `failedAttempts + 1`, before jitter: 1 s, 2 s, 4 s … capped. */
export function baseRetryDelayMs(policy: RetryPolicy, failedAttempts: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new RangeError(`failedAttempts must be a positive integer, got ${failedAttempts}`);
  }
  // Past 2^30 the exponent is long above any sane cap; stop growing before it overflows.
  const exponent = Math.min(failedAttempts - 1, 30);
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
}

/**
 * The delay before the next attempt after `failedAttempts` failures. Jitter only shortens the
 * delay (by up to `jitterRatio` of it), so the cap is never exceeded.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const base = baseRetryDelayMs(policy, failedAttempts);
  return Math.round(base * (1 - policy.jitterRatio * random()));
}

/** Whether a message that has failed `failedAttempts` times should now be given up on. */
export function hasExhaustedAttempts(policy: RetryPolicy, failedAttempts: number): boolean {
  return policy.maxAttempts !== null && failedAttempts >= policy.maxAttempts;
}
