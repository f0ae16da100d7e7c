import type { AlertRecord } from '@shardline/db';
import { Gauge, register } from 'prom-client';

const NAME = 'shardline_alerts_active';

/**
 * `shardline_alerts_active{kind, sink, source}`: 1 for each open alert, on prom-client's default
 * registry (what the engine's /metrics serves). Every engine sets it from the database after
 * each evaluation, so each reports every open alert, whichever engine opened it: aggregate
 * several engines with max(), not sum().
 */
function gauge(): Gauge<'kind' | 'sink' | 'source'> {
  const existing = register.getSingleMetric(NAME);
  if (existing) return existing as Gauge<'kind' | 'sink' | 'source'>;
  return new Gauge({
    name: NAME,
    help: 'Open alerts (docs/alerts.md), by kind and by the name of the sink or source they are about',
    labelNames: ['kind', 'sink', 'source'],
  });
}

export function setActiveAlertsMetric(active: AlertRecord[]): void {
  const metric = gauge();
  // Both in the same tick: a scrape never sees the gauge empty in between.
  metric.reset();
  for (const alert of active) {
    metric.set(
      {
        kind: alert.kind,
        sink: alert.sinkId ? alert.targetName : '',
        source: alert.sourceId ? alert.targetName : '',
      },
      1,
    );
  }
}
