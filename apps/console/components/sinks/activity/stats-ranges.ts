import type { StatsRange } from '@/lib/client/api-types';

/** How each range of the activity chart is named and how its time axis reads. */
export const STATS_RANGE_VIEWS: Record<
  StatsRange,
  { button: string; span: string; perBucket: string; tick: Intl.DateTimeFormatOptions }
> = {
  '1h': { button: '1 h', span: 'the last hour', perBucket: 'per minute', tick: { timeStyle: 'short' } },
  '24h': {
    button: '24 h',
    span: 'the last 24 hours',
    perBucket: 'per 15 minutes',
    tick: { timeStyle: 'short' },
  },
  '7d': {
    button: '7 days',
    span: 'the last 7 days',
    perBucket: 'per hour',
    tick: { weekday: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  },
};

export const STATS_RANGE_ORDER = Object.keys(STATS_RANGE_VIEWS) as StatsRange[];
