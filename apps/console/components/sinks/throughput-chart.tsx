import type { SinkStats } from '../../lib/client/api-types';
import { formatAbsolute, formatNumber } from '../../lib/client/format';

// Plain SVG rather than a chart library: sixty bars with a tooltip each are a few lines, and the
// console's bundle stays free of a dependency that would be its largest.
const WIDTH = 600;
const HEIGHT = 120;

/**
 * Messages delivered (and failed and throttled attempts) per minute over the last hour, oldest on
 * the left. Throttled attempts are amber, apart from failures: Kinesis asked to slow down.
 */
export function ThroughputChart({ throughput }: { throughput: SinkStats['throughput'] }) {
  const max = Math.max(1, ...throughput.map((point) => point.delivered + point.failed + point.throttled));
  const barWidth = WIDTH / Math.max(throughput.length, 1);
  const total = throughput.reduce((sum, point) => sum + point.delivered, 0);
  const failed = throughput.reduce((sum, point) => sum + point.failed, 0);
  const throttled = throughput.reduce((sum, point) => sum + point.throttled, 0);
  return (
    <figure className="space-y-1" data-testid="throughput-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-32 w-full"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${formatNumber(total)} messages delivered, ${formatNumber(failed)} failed and ${formatNumber(throttled)} throttled attempts in the last hour; at most ${formatNumber(max)} in a minute`}
      >
        <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="stroke-slate-200" />
        {throughput.map((point, index) => {
          const deliveredHeight = (point.delivered / max) * HEIGHT;
          const failedHeight = (point.failed / max) * HEIGHT;
          const throttledHeight = (point.throttled / max) * HEIGHT;
          const x = index * barWidth + 1;
          return (
            <g key={point.start}>
              <title>{`${formatAbsolute(point.start)}: ${formatNumber(point.delivered)} delivered, ${formatNumber(point.failed)} failed, ${formatNumber(point.throttled)} throttled`}</title>
              <rect
                x={x}
                y={HEIGHT - deliveredHeight}
                width={barWidth - 2}
                height={deliveredHeight}
                className="fill-sky-600"
              />
              <rect
                x={x}
                y={HEIGHT - deliveredHeight - failedHeight}
                width={barWidth - 2}
                height={failedHeight}
                className="fill-red-500"
              />
              <rect
                x={x}
                y={HEIGHT - deliveredHeight - failedHeight - throttledHeight}
                width={barWidth - 2}
                height={throttledHeight}
                className="fill-amber-400"
              />
              {/* The whole column, so a minute with no messages still shows its tooltip. */}
              <rect x={index * barWidth} y={0} width={barWidth} height={HEIGHT} fill="transparent" />
            </g>
          );
        })}
      </svg>
      <figcaption className="flex justify-between text-xs text-slate-500">
        <span>60 min ago</span>
        <span>
          <span className="mr-1 inline-block size-2 rounded-sm bg-sky-600" aria-hidden="true" />
          delivered per minute (peak {formatNumber(max)})
          <span className="mr-1 ml-3 inline-block size-2 rounded-sm bg-red-500" aria-hidden="true" />
          failed
          <span className="mr-1 ml-3 inline-block size-2 rounded-sm bg-amber-400" aria-hidden="true" />
          throttled
        </span>
        <span>now</span>
      </figcaption>
    </figure>
  );
}
