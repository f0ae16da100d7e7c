import { describe, expect, it } from 'vitest';
import { dayRangeOf, instantsOf } from '../components/ui/day-range';

describe('a day range of the Audit and Alerts filters', () => {
  it('covers whole days in the browser time zone: from the first day’s start to the end of the last', () => {
    const instants = instantsOf({ from: '2026-11-01', to: '2026-11-03' });
    expect(instants).toEqual({
      since: new Date(2026, 10, 1).toISOString(),
      // The API's `until` is exclusive: the start of the day after the last.
      until: new Date(2026, 10, 4).toISOString(),
    });
    expect(dayRangeOf(instants)).toEqual({ from: '2026-11-01', to: '2026-11-03' });
  });

  it('leaves out the ends that are not set, and reads a filter without them as empty days', () => {
    expect(instantsOf({ from: '', to: '2026-11-03' })).toEqual({
      since: undefined,
      until: new Date(2026, 10, 4).toISOString(),
    });
    expect(dayRangeOf({})).toEqual({ from: '', to: '' });
    expect(dayRangeOf({ since: 'not a date' })).toEqual({ from: '', to: '' });
  });
});
