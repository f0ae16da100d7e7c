import { ConflictError, NotFoundError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { isRecordNotFound } from '../sinks/sink-name-taken';

/**
 * Deletes a source and its events. Refused while sinks read from it. The replication slot and
 * publication on the source database are left alone: dropping them (dropSlotAndPublication in
 * capture) needs a connection to it, which the caller gets from getSourceConnection first.
 * `by` is recorded in the audit trail.
 */
export async function deleteSource(db: Db, options: { sourceId: string; by?: string }): Promise<void> {
  try {
    await inTransaction(db, async (tx) => {
      const deleted = await tx.prisma.source.delete({
        where: { id: options.sourceId },
        select: { id: true, name: true },
      });
      await recordAuditEvent(tx, {
        actor: actorOf(options.by),
        action: 'source.delete',
        targetType: 'source',
        targetId: deleted.id,
        targetName: deleted.name,
      });
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw new NotFoundError(`source ${options.sourceId} does not exist`);
    // The foreign key from sink is the guard, so a sink added concurrently cannot slip through.
    if (!isForeignKeyViolation(error)) throw error;
    const [source, sinks] = await Promise.all([
      db.prisma.source.findUnique({ where: { id: options.sourceId }, select: { name: true } }),
      db.prisma.sink.findMany({
        where: { sourceId: options.sourceId },
        select: { name: true },
        orderBy: { name: 'asc' },
      }),
    ]);
    const names = sinks.map((sink) => `"${sink.name}"`).join(', ');
    throw new ConflictError(
      `the source "${source?.name ?? options.sourceId}" cannot be deleted while ` +
        `${sinks.length === 1 ? 'a sink reads' : `${sinks.length} sinks read`} from it (${names}): ` +
        'delete those sinks first',
    );
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2003';
}
