import { NotFoundError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type SourcePositions, setSourcePositions } from '../capture/source-config';
import { type Db, inTransaction } from '../database';
import { isRecordNotFound } from './sink-name-taken';

/**
 * Deletes a sink with all its messages and their history; `by` is recorded in the audit trail.
 * `sourcePositions`: from where in its source's WAL it takes no more changes (see
 * setSourcePositions); without it, from when the reader sees it.
 */
export async function deleteSink(
  db: Db,
  options: { sinkId: string; by?: string; sourcePositions?: SourcePositions },
): Promise<void> {
  try {
    await inTransaction(db, async (tx) => {
      await setSourcePositions(tx, options.sourcePositions);
      const deleted = await tx.prisma.sink.delete({
        where: { id: options.sinkId },
        select: { id: true, name: true },
      });
      await recordAuditEvent(tx, {
        actor: actorOf(options.by),
        action: 'sink.delete',
        targetType: 'sink',
        targetId: deleted.id,
        targetName: deleted.name,
      });
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
    throw error;
  }
}
