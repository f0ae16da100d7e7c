'use client';

import { ErrorState } from '@/components/ui/states';
import type { StatsRange } from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';
import { useSinkStreams } from '@/lib/client/queries';
import { STATS_RANGE_VIEWS } from './stats-ranges';

/**
 * How many messages went to each stream over the chart's range: a sink with a routing function
 * writes to several, and this is where a person sees which, and how much each took.
 */
export function DeliveriesByStream({
  sinkId,
  range,
  live,
}: {
  sinkId: string;
  range: StatsRange;
  live: boolean;
}) {
  const query = useSinkStreams(sinkId, live, range);
  if (query.isPending) return null;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { streams } = query.data;
  return (
    <section className="space-y-1" aria-label="Deliveries per stream" data-testid="deliveries-by-stream">
      <h3 className="text-xs font-medium uppercase text-slate-500">
        Delivered per stream, {STATS_RANGE_VIEWS[range].span}
      </h3>
      <table className="w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Stream</th>
            <th scope="col">Delivered</th>
          </tr>
        </thead>
        <tbody>
          {streams.map((stream) => (
            <tr key={stream.streamArn} data-testid="stream-deliveries" data-stream-arn={stream.streamArn}>
              <td className="py-0.5 pr-4 font-mono text-xs text-slate-700">
                {stream.streamArn}
                {stream.own && (
                  <span className="ml-2 font-sans text-slate-500">(the sink&apos;s stream)</span>
                )}
              </td>
              <td className="py-0.5 text-right tabular-nums" data-testid="stream-delivered">
                {formatNumber(stream.delivered)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
