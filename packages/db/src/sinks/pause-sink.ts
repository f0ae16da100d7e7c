import { NotFoundError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { notifyWake } from '../wake-channel';
import { isRecordNotFound } from './sink-name-taken';

/**
 * Stops delivery of a sink: messages keep being stored, none is sent until it resumes. `by` is
 * shown as who paused it, and recorded in the audit trail.
 */
export async function pauseSink(db: Db, options: { sinkId: string; by: string }): Promise<void> {
  await changePause(db, { sinkId: options.sinkId, by: actorOf(options.by), pause: true });
}

/** Delivers the sink's messages again; `by` is recorded in the audit trail. */
export async function resumeSink(db: Db, options: { sinkId: string; by?: string }): Promise<void> {
  await changePause(db, { sinkId: options.sinkId, by: actorOf(options.by), pause: false });
  await notifyWake(db, { sinkId: options.sinkId });
}

async function changePause(db: Db, options: { sinkId: string; by: string; pause: boolean }): Promise<void> {
  try {
    await inTransaction(db, async (tx) => {
      const sink = await tx.prisma.sink.update({
        where: { id: options.sinkId },
        data: options.pause
          ? { pausedAt: new Date(), pausedBy: options.by }
          : { pausedAt: null, pausedBy: null },
        select: { id: true, name: true },
      });
      await recordAuditEvent(tx, {
        actor: options.by,
        action: options.pause ? 'sink.pause' : 'sink.resume',
        targetType: 'sink',
        targetId: sink.id,
        targetName: sink.name,
      });
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
    throw error;
  }
}
