import { NotFoundError } from '@shardline/core';
import type { Database } from '../database';
import { isUuid } from './sink-id';
import { DEFAULT_STATS_RANGE, STATS_RANGES, type StatsRange } from './stats-range';

/** Messages delivered to one stream over a range. */
export interface StreamDeliveries {
  streamArn: string;
  /** Whether this is the sink's own stream (where messages go without routing). */
  own: boolean;
  delivered: number;
}

export interface DeliveriesByStream {
  range: StatsRange;
  /** The start of the range's first bucket: the same window as the activity chart's. */
  since: Date;
  /** Each stream with deliveries in the range, most first; the sink's own stream always. */
  streams: StreamDeliveries[];
}

/**
 * How many of a sink's messages were delivered to each stream over `range`, the window of its
 * activity chart. A message delivered without routing (stream_arn null) counts for the sink's
 * own stream. Counts what is still stored: pruned messages are no longer counted.
 */
export async function countDeliveriesByStream(
  db: Database,
  options: { sinkId: string; range?: StatsRange },
): Promise<DeliveriesByStream> {
  const { sinkId, range = DEFAULT_STATS_RANGE } = options;
  const { bucketCount, bucketMinutes } = STATS_RANGES[range];
  const sink = isUuid(sinkId)
    ? await db.prisma.sink.findUnique({ where: { id: sinkId }, select: { streamArn: true } })
    : null;
  if (!sink) throw new NotFoundError(`sink ${sinkId} does not exist`);
  // The window's start is the chart's (see getSinkStats): the database's clock, whole buckets.
  const result = await db.pool.query<{ since: Date; stream_arn: string | null; delivered: string | null }>(
    `WITH bounds AS (
       SELECT date_bin(make_interval(mins => $2), now(), timestamptz 'epoch')
              - make_interval(mins => $2) * ($3 - 1) AS since
     )
     SELECT bounds.since, counts.stream_arn, counts.delivered
       FROM bounds LEFT JOIN LATERAL (
         SELECT coalesce(stream_arn, $4) AS stream_arn, count(*) AS delivered
           FROM message
          WHERE sink_id = $1 AND state = 'delivered' AND delivered_at >= bounds.since
          GROUP BY 1
       ) AS counts ON true`,
    [sinkId, bucketMinutes, bucketCount, sink.streamArn],
  );
  const since = result.rows[0]?.since ?? new Date();
  // No delivery in the range: one row, with the window's start only.
  const streams = result.rows.flatMap((row): StreamDeliveries[] =>
    row.stream_arn === null
      ? []
      : [
          {
            streamArn: row.stream_arn,
            own: row.stream_arn === sink.streamArn,
            delivered: Number(row.delivered),
          },
        ],
  );
  if (!streams.some((stream) => stream.own)) {
    streams.push({ streamArn: sink.streamArn, own: true, delivered: 0 });
  }
  streams.sort((a, b) => b.delivered - a.delivered || a.streamArn.localeCompare(b.streamArn));
  return { range, since, streams };
}
