import type { Db } from '../database';
import { type BulkOperationRecord, toBulkOperationRecord } from './bulk-operation-record';

/** A sink's most recent bulk operations, newest first. */
export async function listBulkOperations(
  db: Db,
  options: { sinkId: string; limit?: number },
): Promise<BulkOperationRecord[]> {
  const rows = await db.prisma.bulkOperation.findMany({
    where: { sinkId: options.sinkId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(options.limit ?? 20, 1), 100),
  });
  return rows.map(toBulkOperationRecord);
}
