import type { SinkHealth } from '@shardline/core';
import type { Db } from '../../database';
import { listSinkHealth } from '../../health/list-sink-health';
import { recordSinkHealthStatuses } from '../../health/record-sink-health-statuses';
import { type PerSinkThreshold, thresholdFor } from './per-sink-threshold';

/** A sink that has captured nothing for too long, and why. */
export interface SinkNotCapturing {
  sinkId: string;
  sinkName: string;
  health: SinkHealth;
  /** Since when its status has been not_capturing. */
  since: Date;
  forMs: number;
}

/**
 * Sinks whose health has been not_capturing for longer than `notCapturingForMs`, the sink's own
 * threshold or the default (a table missing or not
 * published, the source unreachable or not read…). Notes every sink's status on the way, so the
 * time each state started is kept even between the engines' periodic checks.
 */
export async function findSinksNotCapturing(
  db: Db,
  options: { notCapturingForMs: PerSinkThreshold },
): Promise<SinkNotCapturing[]> {
  const healths = await listSinkHealth(db);
  const statuses = await recordSinkHealthStatuses(db, healths);
  const candidates = [...healths].filter(
    ([sinkId, health]) =>
      health.status === 'not_capturing' &&
      (statuses.get(sinkId)?.forMs ?? 0) > thresholdFor(options.notCapturingForMs, sinkId),
  );
  if (candidates.length === 0) return [];
  const names = await db.pool.query<{ id: string; name: string }>(
    'SELECT id, name FROM sink WHERE id = ANY($1::uuid[])',
    [candidates.map(([sinkId]) => sinkId)],
  );
  const nameOf = new Map(names.rows.map((row) => [row.id, row.name]));
  return candidates.flatMap(([sinkId, health]) => {
    const status = statuses.get(sinkId);
    const sinkName = nameOf.get(sinkId);
    return status && sinkName ? [{ sinkId, sinkName, health, since: status.since, forMs: status.forMs }] : [];
  });
}
