import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../database';

/** Failed sign-ins one client address may make in SIGN_IN_ADDRESS_WINDOW_S before it waits. */
export const SIGN_IN_FAILURES_PER_ADDRESS = 30;
export const SIGN_IN_ADDRESS_WINDOW_S = 15 * 60;
/** Bounded by the table's key column, with the prefix. */
const MAX_KEY_CHARS = 200;

const limiters = new WeakMap<Db, RateLimiterPostgres>();

function limiterOf(db: Db): RateLimiterPostgres {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: db.pool,
      storeType: 'pool',
      // Created by the migrations (rate_limit), not by the library at run time.
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'sign-in-failures',
      points: SIGN_IN_FAILURES_PER_ADDRESS,
      duration: SIGN_IN_ADDRESS_WINDOW_S,
    });
    limiters.set(db, limiter);
  }
  return limiter;
}

function keyOf(clientAddress: string | null): string {
  return (clientAddress ?? 'unknown').slice(0, MAX_KEY_CHARS);
}

/**
 * When the client address may try again, or null when it may now: an address that failed
 * SIGN_IN_FAILURES_PER_ADDRESS times in 15 minutes (trying many emails, each below its own lock)
 * waits until its window ends. Counted in Postgres by rate-limiter-flexible, so every console
 * process sees the same count.
 */
export async function signInBlockedUntil(
  db: Db,
  clientAddress: string | null,
  now: Date,
): Promise<Date | null> {
  const state = await limiterOf(db).get(keyOf(clientAddress));
  if (!state || state.consumedPoints < SIGN_IN_FAILURES_PER_ADDRESS) return null;
  return new Date(now.getTime() + state.msBeforeNext);
}

/** Counts a failed sign-in against its client address. */
export async function countFailedSignInFrom(db: Db, clientAddress: string | null): Promise<void> {
  try {
    await limiterOf(db).consume(keyOf(clientAddress));
  } catch (refused) {
    // Past the limit: the address now waits (signInBlockedUntil). Anything else is a real error.
    if (!(refused instanceof RateLimiterRes)) throw refused;
  }
}
