'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SinkStats } from '@/lib/client/api-types';
import { formatAbsolute, formatNumber } from '@/lib/client/format';
import { STATS_RANGE_VIEWS } from './stats-ranges';

type Series = 'delivered' | 'failed' | 'throttled';

// Side by side, not stacked: delivered counts messages while failed and throttled count attempts
// (one message may fail hundreds of times), so a stack would add up things that do not add up.
// Throttled attempts are amber, apart from failures: Kinesis asked to slow down.
const SERIES: Record<Series, { name: string; colour: string }> = {
  delivered: { name: 'Delivered', colour: '#0284c7' },
  failed: { name: 'Failed attempts', colour: '#ef4444' },
  throttled: { name: 'Throttled attempts', colour: '#f59e0b' },
};

/**
 * Messages delivered, and failed and throttled attempts, per bucket of the stats' range, oldest
 * on the left, with a time axis, a count axis and each bucket's values on hover.
 */
export default function ThroughputChartView({ stats }: { stats: SinkStats }) {
  const view = STATS_RANGE_VIEWS[stats.range];
  const tickFormat = new Intl.DateTimeFormat('en-GB', view.tick);
  const totals = { delivered: 0, failed: 0, throttled: 0 };
  for (const bucket of stats.throughput) {
    totals.delivered += bucket.delivered;
    totals.failed += bucket.failed;
    totals.throttled += bucket.throttled;
  }
  const summary = `${formatNumber(totals.delivered)} messages delivered, ${formatNumber(totals.failed)} failed and ${formatNumber(totals.throttled)} throttled attempts in ${view.span}, ${view.perBucket}`;
  return (
    <figure
      className="space-y-1"
      data-testid="throughput-chart"
      data-range={stats.range}
      aria-label={summary}
    >
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={stats.throughput} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barGap={0}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="start"
              tickFormatter={(start: string) => tickFormat.format(new Date(start))}
              minTickGap={32}
              tick={{ fontSize: 12, fill: '#475569' }}
              stroke="#cbd5e1"
            />
            <YAxis
              allowDecimals={false}
              width={48}
              tick={{ fontSize: 12, fill: '#475569' }}
              stroke="#cbd5e1"
              tickFormatter={(value: number) => formatNumber(value)}
              label={{
                value: view.perBucket,
                angle: -90,
                position: 'insideLeft',
                style: { fontSize: 12, fill: '#475569', textAnchor: 'middle' },
              }}
            />
            <Tooltip
              labelFormatter={(start) => `${formatAbsolute(String(start))} (${view.perBucket})`}
              formatter={(value) => formatNumber(Number(value))}
              cursor={{ fill: '#f1f5f9' }}
              // Text in the series' own colours is too light to read on white (WCAG contrast):
              // the values are dark, the colour stays in the legend's swatches.
              itemStyle={{ color: '#0f172a' }}
              labelStyle={{ color: '#334155' }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {(Object.keys(SERIES) as Series[]).map((series) => (
              <Bar
                key={series}
                dataKey={series}
                name={SERIES[series].name}
                fill={SERIES[series].colour}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-500" data-testid="throughput-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
