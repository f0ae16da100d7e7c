import { describe, expect, it } from 'vitest';
import { formatAbsolute } from '../lib/client/format';
import { localiseTimes, splitTimes } from '../lib/client/times-in-text';

const PAUSED =
  'Delivery was paused by ada@shardline.test at 2026-12-07T15:47:34.268Z: messages are stored and wait until it resumes.';

describe('times inside a sentence the API words', () => {
  it('splits out each ISO time, dropping the "at" a relative time does not need', () => {
    expect(splitTimes(PAUSED)).toEqual([
      { text: 'Delivery was paused by ada@shardline.test ' },
      { time: '2026-12-07T15:47:34.268Z' },
      { text: ': messages are stored and wait until it resumes.' },
    ]);
  });

  it('leaves a sentence without times whole, and finds several times', () => {
    expect(splitTimes('Healthy.')).toEqual([{ text: 'Healthy.' }]);
    expect(splitTimes('from 2026-12-07T15:00:00Z to 2026-12-07T16:00:00.5Z')).toEqual([
      { text: 'from ' },
      { time: '2026-12-07T15:00:00Z' },
      { text: ' to ' },
      { time: '2026-12-07T16:00:00.5Z' },
    ]);
  });

  it('keeps what only looks like a time (an impossible date) as text', () => {
    expect(splitTimes('at 2026-13-45T99:00:00Z')).toEqual([{ text: 'at 2026-13-45T99:00:00Z' }]);
  });

  it('words the times in local time for a tooltip', () => {
    expect(localiseTimes(PAUSED)).toBe(
      `Delivery was paused by ada@shardline.test at ${formatAbsolute('2026-12-07T15:47:34.268Z')}: messages are stored and wait until it resumes.`,
    );
  });
});
