import { NotFoundError } from '@shardline/core';
import type { Db } from '../database';
import { isUuid } from '../sinks/sink-id';
import { type BulkOperationRecord, toBulkOperationRecord } from './bulk-operation-record';

/** One operation of a sink with its progress. */
export async function getBulkOperation(
  db: Db,
  options: { sinkId: string; operationId: string },
): Promise<BulkOperationRecord> {
  // Ids are uuids: anything else cannot name an operation, and would fail the query.
  const row =
    isUuid(options.sinkId) && isUuid(options.operationId)
      ? await db.prisma.bulkOperation.findFirst({
          where: { id: options.operationId, sinkId: options.sinkId },
        })
      : null;
  if (!row) {
    throw new NotFoundError(`bulk operation ${options.operationId} of sink ${options.sinkId} does not exist`);
  }
  return toBulkOperationRecord(row);
}
