'use client';

import { useState } from 'react';
import { ErrorState, LoadingState } from '@/components/ui/states';
import type { StatsRange } from '@/lib/client/api-types';
import { useSinkStats } from '@/lib/client/queries';
import { DeliveriesByStream } from './deliveries-by-stream';
import { STATS_RANGE_ORDER, STATS_RANGE_VIEWS } from './stats-ranges';
import { ThroughputChart } from './throughput-chart';

/** The sink's activity chart with its range (the last hour, day or week), and deliveries per stream. */
export function SinkActivity({ sinkId, live }: { sinkId: string; live: boolean }) {
  const [range, setRange] = useState<StatsRange>('1h');
  // The last hour is the counters' own query: the page asks for it once.
  const query = useSinkStats(sinkId, live, range);
  return (
    <section className="space-y-2" aria-label="Activity" aria-busy={query.isPlaceholderData}>
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-medium text-slate-700">Activity</h2>
        <fieldset className="flex rounded-md border border-slate-300 text-xs">
          <legend className="sr-only">Range</legend>
          {STATS_RANGE_ORDER.map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={range === name}
              onClick={() => setRange(name)}
              data-testid={`range-${name}`}
              className={`px-2.5 py-1 first:rounded-l-md last:rounded-r-md ${
                range === name ? 'bg-sky-700 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'
              }`}
            >
              {STATS_RANGE_VIEWS[name].button}
            </button>
          ))}
        </fieldset>
      </div>
      {query.isPending ? (
        <LoadingState label="Loading the chart…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <ThroughputChart stats={query.data} />
      )}
      <DeliveriesByStream sinkId={sinkId} range={range} live={live} />
    </section>
  );
}
