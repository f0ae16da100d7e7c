import { z } from 'zod';

/** How far back a sink's activity chart looks. */
export type StatsRange = '1h' | '24h' | '7d';

/** The span a range covers and the bucket it is counted in. */
export interface StatsRangeSpec {
  /** Number of buckets, the current (partial) one last. */
  bucketCount: number;
  bucketMinutes: number;
}

// Buckets sized so every range draws about a hundred bars at most: per minute for an hour, per
// quarter hour for a day, per hour for a week. A week per minute would be 10,080 bars.
export const STATS_RANGES: Record<StatsRange, StatsRangeSpec> = {
  '1h': { bucketCount: 60, bucketMinutes: 1 },
  '24h': { bucketCount: 96, bucketMinutes: 15 },
  '7d': { bucketCount: 168, bucketMinutes: 60 },
};

export const DEFAULT_STATS_RANGE: StatsRange = '1h';

const RANGE_NAMES = Object.keys(STATS_RANGES) as [StatsRange, ...StatsRange[]];
const RANGE_MESSAGE = `range must be one of ${RANGE_NAMES.join(', ')}`;

/** Query string of GET …/stats. */
export const sinkStatsQuerySchema = z.object({
  range: z.enum(RANGE_NAMES, { message: RANGE_MESSAGE }).default(DEFAULT_STATS_RANGE),
});
