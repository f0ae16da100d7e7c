import type { Db } from '../../database';
import { listSinkThrottling, type SinkThrottling } from '../../throttling/list-sink-throttling';
import { type PerSinkThreshold, thresholdFor } from './per-sink-threshold';

/** A sink Kinesis has throttled for too long: its stream is too small for what it is sent. */
export interface ThrottledSink {
  sinkId: string;
  sinkName: string;
  throttling: SinkThrottling;
}

/**
 * Sinks throttled (as their engines' fresh reports say), without a report that it cleared, for
 * longer than `throttledForMs` (the sink's own threshold, or the default). Short spells are ordinary back-pressure; a long one means the stream needs
 * more capacity.
 */
export async function findThrottledSinks(
  db: Db,
  options: { throttledForMs: PerSinkThreshold },
): Promise<ThrottledSink[]> {
  const throttled = [...(await listSinkThrottling(db))].filter(
    ([sinkId, throttling]) => throttling.forMs > thresholdFor(options.throttledForMs, sinkId),
  );
  if (throttled.length === 0) return [];
  const names = await db.pool.query<{ id: string; name: string }>(
    'SELECT id, name FROM sink WHERE id = ANY($1::uuid[])',
    [throttled.map(([sinkId]) => sinkId)],
  );
  const nameOf = new Map(names.rows.map((row) => [row.id, row.name]));
  return throttled.flatMap(([sinkId, throttling]) => {
    const sinkName = nameOf.get(sinkId);
    return sinkName ? [{ sinkId, sinkName, throttling }] : [];
  });
}
