import type { Db } from '../../database';
import { type PublicSinkThresholds, toPublicSinkThresholds } from './public-sink-thresholds';

/** Every sink, by name, with its own alert thresholds (all null for a sink that has none). */
export async function listSinkAlertThresholds(db: Db): Promise<PublicSinkThresholds[]> {
  const sinks = await db.prisma.sink.findMany({
    select: { id: true, name: true, alertThresholds: true },
    orderBy: { name: 'asc' },
  });
  return sinks.map((sink) => toPublicSinkThresholds(sink, sink.alertThresholds));
}
