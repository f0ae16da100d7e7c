import { describe, expect, it } from 'vitest';
import { firstTakes, windowRates } from './delivery-windows';

describe('windowRates', () => {
  it('counts events a second in whole windows and leaves out a last window cut short', () => {
    // Windows of 2 s from t=1,000 ms: [1,000, 3,000) and [3,000, 5,000); 5,000–5,500 is cut short.
    const times = [500, 1_000, 1_500, 2_999, 3_000, 4_000, 4_500, 4_999, 5_200];
    expect(windowRates(times, 1_000, 5_500, 2_000)).toEqual([1.5, 2]);
  });

  it('has no window when the span is shorter than one', () => {
    expect(windowRates([100, 200], 0, 999, 1_000)).toEqual([]);
  });
});

describe('firstTakes', () => {
  it('counts a message the stream took twice once, at its first take', () => {
    const takes = firstTakes([
      { shardId: 'a', data: 'm1', at: 1 },
      { shardId: 'b', data: 'm2', at: 2 },
      { shardId: 'a', data: 'm1', at: 3 },
    ]);
    expect(takes).toEqual([
      { shardId: 'a', at: 1 },
      { shardId: 'b', at: 2 },
    ]);
  });
});
