import type { Db } from '../database';
import { isUuid } from './sink-id';

/** The largest record, in bytes, a sink sends; null when there is no such sink. */
export async function getSinkRecordLimit(db: Db, options: { sinkId: string }): Promise<number | null> {
  if (!isUuid(options.sinkId)) return null;
  const sink = await db.prisma.sink.findUnique({
    where: { id: options.sinkId },
    select: { maxRecordSizeBytes: true },
  });
  return sink?.maxRecordSizeBytes ?? null;
}
