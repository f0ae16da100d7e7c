import { ConflictError, NotFoundError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { isUuid } from '../sinks/sink-id';
import { isRecordNotFound } from '../sinks/sink-name-taken';

/**
 * Deletes a transform and its versions. Refused while sinks use it (docs/transforms.md). `by` is
 * recorded in the audit trail.
 */
export async function deleteTransform(db: Db, options: { transformId: string; by?: string }): Promise<void> {
  const { transformId } = options;
  if (!isUuid(transformId)) throw new NotFoundError(`transform ${transformId} does not exist`);
  try {
    await inTransaction(db, async (tx) => {
      const deleted = await tx.prisma.transform.delete({
        where: { id: transformId },
        select: { id: true, name: true },
      });
      await recordAuditEvent(tx, {
        actor: actorOf(options.by),
        action: 'transform.delete',
        targetType: 'transform',
        targetId: deleted.id,
        targetName: deleted.name,
      });
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw new NotFoundError(`transform ${transformId} does not exist`);
    // The foreign key from sink (ON DELETE RESTRICT) is the guard, so a sink attached
    // concurrently cannot slip through a check made beforehand.
    if (!isForeignKeyViolation(error)) throw error;
    const sinks = await db.prisma.sink.findMany({
      where: { transformId },
      select: { name: true },
      orderBy: { name: 'asc' },
    });
    throw new ConflictError(
      `the transform is used by sink(s) ${sinks.map((sink) => sink.name).join(', ')}: detach it first`,
    );
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2003';
}
