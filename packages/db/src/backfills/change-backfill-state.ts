import { ConflictError, NotFoundError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { backfillNotFound, findBackfill } from './get-backfill';
import { type BackfillState, type PublicBackfill, toPublicBackfill } from './public-backfill';

/** What a person asks of a backfill, with its audit action. */
export type BackfillCommand = 'pause' | 'resume' | 'cancel';

const VERBS: Record<BackfillCommand, string> = { pause: 'paused', resume: 'resumed', cancel: 'cancelled' };

export interface BackfillCommandOptions {
  backfillId: string;
  /** When given, the backfill must be this sink's (the API's path names both). */
  sinkId?: string;
  /** Recorded in the audit trail. */
  by?: string;
}

/**
 * Moves a backfill from one of `from` to `to` in one conditional update, so a change racing
 * the engine (which finishes or fails it) cannot resurrect a finished one. The engine re-reads
 * the state before storing each page, so the change takes effect between pages. The audit event
 * commits with the change; a transition that does not apply is a ConflictError saying why.
 */
export async function changeBackfillState(
  db: Db,
  options: BackfillCommandOptions & {
    command: BackfillCommand;
    from: readonly BackfillState[];
    to: BackfillState;
  },
): Promise<PublicBackfill> {
  const { backfillId, from, to, command } = options;
  const existing = await findBackfill(db, backfillId, options.sinkId);
  if (!existing) throw new NotFoundError(backfillNotFound(options));
  const finishing = to === 'cancelled';
  const row = await inTransaction(db, async (tx) => {
    const { count } = await tx.prisma.backfill.updateMany({
      where: { id: backfillId, state: { in: [...from] } },
      data: {
        state: to,
        ...(finishing ? { finishedAt: new Date() } : {}),
        // Running again starts afresh: the error that stopped it is no longer the news.
        ...(to === 'running' ? { finishedAt: null, lastError: null } : {}),
      },
    });
    const current = await tx.prisma.backfill.findUnique({
      where: { id: backfillId },
      include: { sink: { select: { name: true } } },
    });
    if (!current) throw new NotFoundError(backfillNotFound(options));
    if (count === 0) {
      throw new ConflictError(
        `the backfill ${backfillId} is ${current.state}: only a ${from.join(' or ')} backfill can be ${VERBS[command]}`,
        'backfillId',
      );
    }
    await recordAuditEvent(tx, {
      actor: actorOf(options.by),
      action: `backfill.${command}`,
      targetType: 'sink',
      targetId: current.sinkId,
      targetName: current.sink.name,
      details: { backfillId, rowsDone: Number(current.rowsDone) },
    });
    return current;
  });
  return toPublicBackfill(row);
}
