import { registeredMetric } from '@shardline/metrics';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

type RequestLabels = 'method' | 'route' | 'status';

/** From a quick JSON answer to a slow bulk count on a million messages. */
const REQUEST_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const holder = globalThis as { shardlineConsoleMetrics?: Histogram<RequestLabels> };

/**
 * The console's metrics, on prom-client's default registry: the duration of every request to a
 * route served by apiRoute (the REST API, /metrics, /healthz, /readyz), by route pattern and
 * status, and prom-client's process metrics. Created on first use, once per process (Next may
 * load this module more than once; the registry and the holder are shared).
 */
export function consoleRequestDurations(): Histogram<RequestLabels> {
  if (holder.shardlineConsoleMetrics) return holder.shardlineConsoleMetrics;
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
  const name = 'shardline_console_http_request_duration_seconds';
  holder.shardlineConsoleMetrics = registeredMetric(
    register,
    Histogram,
    name,
    () =>
      new Histogram<RequestLabels>({
        name,
        help: 'Time the console took to answer a request to its API (and /metrics, /healthz, /readyz), by method, route pattern (e.g. /api/v1/sinks/[id]) and status.',
        labelNames: ['method', 'route', 'status'],
        buckets: REQUEST_DURATION_BUCKETS,
      }),
  ) as Histogram<RequestLabels>;
  return holder.shardlineConsoleMetrics;
}

/**
 * The route pattern of a request: its path with each dynamic segment replaced by the segment's
 * name, so a label never holds an id (one series per route, not per sink or message).
 */
export function routePattern(pathname: string, params: Record<string, string>): string {
  const names = new Map(Object.entries(params).map(([name, value]) => [value, name]));
  return pathname
    .split('/')
    .map((segment) => {
      const name = names.get(safeDecode(segment));
      return name ? `[${name}]` : segment;
    })
    .join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
