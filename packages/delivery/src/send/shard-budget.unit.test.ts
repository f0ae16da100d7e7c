import { describe, expect, it } from 'vitest';
import { AIMD, PROVISIONED_SHARD_RATE, ShardBudget } from './shard-budget';

/** Takes records of `bytes` until the budget refuses one; how many it took. */
function drain(budget: ShardBudget, now: number, bytes = 100): number {
  let taken = 0;
  while (budget.tryTake(bytes, now)) taken += 1;
  return taken;
}

describe('ShardBudget', () => {
  it("starts a provisioned shard at its nominal limit, a second's worth at once, then refills at its rate", () => {
    const budget = new ShardBudget(PROVISIONED_SHARD_RATE, 0);
    expect(drain(budget, 0)).toBe(1_000);
    expect(budget.readyInMs(0)).toBeCloseTo(1, 5);
    expect(drain(budget, 100)).toBe(100);
  });

  it('holds back a record when the bytes run out, and lets one large record go into debt', () => {
    const budget = new ShardBudget({ records: 1_000, bytes: 1_000 }, 0);
    expect(budget.tryTake(5_000, 0)).toBe(true);
    expect(budget.tryTake(10, 0)).toBe(false);
    // 4,000 bytes of debt at 1,000 a second.
    expect(budget.readyInMs(0)).toBeGreaterThan(4_000);
  });

  it('drops to 80 % on a throttle, once per round trip, and climbs back by 5 % of the ceiling a second', () => {
    const budget = new ShardBudget(PROVISIONED_SHARD_RATE, 0);
    budget.throttled(0, 10);
    expect(budget.rate.records).toBeCloseTo(800);
    // More throttled records of requests sent before the drop answer the old rate: no new drop.
    budget.throttled(5, 12);
    expect(budget.rate.records).toBeCloseTo(800);
    budget.throttled(20, 30);
    expect(budget.rate.records).toBeCloseTo(640);
    expect(budget.rate.bytes).toBeCloseTo(PROVISIONED_SHARD_RATE.bytes * 0.64);

    budget.accepted(1_030);
    expect(budget.rate.records).toBeCloseTo(640 + 1_000 * AIMD.increasePerSecond);
    // Never above what a provisioned shard takes.
    for (let second = 2; second < 40; second++) budget.accepted(30 + second * 1_000);
    expect(budget.rate.records).toBe(1_000);
  });

  it('sends nothing more into a shard that just throttled until its lowered rate refills', () => {
    const budget = new ShardBudget(PROVISIONED_SHARD_RATE, 0);
    drain(budget, 0, 10);
    budget.throttled(0, 0);
    expect(budget.available(0)).toBe(0);
    expect(budget.readyInMs(0)).toBeCloseTo(1000 / 800, 5);
    expect(budget.available(1_000)).toBe(800);
  });

  it('converges near a limit below the ceiling, using more than 80 % of it', () => {
    // A shard that really takes 200 records a second (a busy neighbour, or a scaled test stream).
    const limit = 200;
    const budget = new ShardBudget(PROVISIONED_SHARD_RATE, 0);
    let accepted = 0;
    let credit = limit;
    for (let now = 10; now <= 60_000; now += 10) {
      credit = Math.min(limit, credit + limit / 100);
      const sentAt = now - 10;
      while (budget.tryTake(100, now)) {
        if (credit >= 1) {
          credit -= 1;
          budget.accepted(now);
          if (now > 10_000) accepted += 1;
        } else budget.throttled(sentAt, now);
      }
    }
    expect(budget.rate.records).toBeLessThan(limit * 1.5);
    expect(accepted / 50).toBeGreaterThan(limit * 0.8);
  });

  it('without a ceiling sends freely, then learns its limit from the first throttle', () => {
    const budget = new ShardBudget(null, 0);
    for (let i = 0; i < 300; i++) expect(budget.tryTake(10, i)).toBe(true);
    expect(budget.rate.records).toBe(Number.POSITIVE_INFINITY);
    budget.throttled(400, 500);
    // 300 records in half a second were going through: 80 % of the rate seen.
    expect(budget.rate.records).toBeGreaterThan(300);
    expect(budget.rate.records).toBeLessThan(700);
  });
});
