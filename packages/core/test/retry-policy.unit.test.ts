import { describe, expect, it } from 'vitest';
import {
  baseRetryDelayMs,
  DEFAULT_RETRY_POLICY,
  hasExhaustedAttempts,
  retryDelayMs,
} from '../src/retry-policy';

const policy = DEFAULT_RETRY_POLICY;

describe('retry policy', () => {
  it('doubles the delay from about one second at each failed attempt', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => baseRetryDelayMs(policy, n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000,
    ]);
  });

  it('caps the delay at about three minutes however many attempts failed', () => {
    expect(baseRetryDelayMs(policy, 9)).toBe(180_000);
    expect(baseRetryDelayMs(policy, 50)).toBe(180_000);
    expect(baseRetryDelayMs(policy, 10_000)).toBe(180_000);
  });

  it('honours a per-sink cap', () => {
    const capped = { ...policy, maxDelayMs: 10_000 };
    expect([3, 4, 5, 6].map((n) => baseRetryDelayMs(capped, n))).toEqual([4_000, 8_000, 10_000, 10_000]);
  });

  it('jitters each step within [75%, 100%] of its base delay and never above the cap', () => {
    for (const attempt of [1, 2, 5, 9, 30]) {
      const base = baseRetryDelayMs(policy, attempt);
      expect(retryDelayMs(policy, attempt, () => 0)).toBe(base);
      expect(retryDelayMs(policy, attempt, () => 0.999999)).toBe(Math.round(base * 0.75));
      for (let i = 0; i < 200; i++) {
        const delay = retryDelayMs(policy, attempt);
        expect(delay).toBeGreaterThanOrEqual(Math.round(base * 0.75));
        expect(delay).toBeLessThanOrEqual(Math.min(base, policy.maxDelayMs));
      }
    }
  });

  it('spreads retries of messages that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(policy, 6)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('retries forever by default and gives up after the maximum when one is set', () => {
    expect(hasExhaustedAttempts(policy, 1_000_000)).toBe(false);
    const limited = { ...policy, maxAttempts: 3 };
    expect(hasExhaustedAttempts(limited, 2)).toBe(false);
    expect(hasExhaustedAttempts(limited, 3)).toBe(true);
  });

  it('refuses a nonsensical attempt number', () => {
    expect(() => baseRetryDelayMs(policy, 0)).toThrow(/positive integer/);
    expect(() => baseRetryDelayMs(policy, 1.5)).toThrow(/positive integer/);
  });
});
