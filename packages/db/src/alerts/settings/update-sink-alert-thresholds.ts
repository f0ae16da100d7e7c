import { NotFoundError } from '@shardline/core';
import type { z } from 'zod';
import { actorOf } from '../../audit/audit-actions';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { type Db, inTransaction } from '../../database';
import { isUuid } from '../../sinks/sink-id';
import { parseOrThrow } from '../../validation';
import { SINK_THRESHOLD_FIELDS, sinkThresholdsInputSchema } from './alert-threshold-fields';
import {
  type PublicSinkThresholds,
  storedSinkThresholdsOf,
  toPublicSinkThresholds,
} from './public-sink-thresholds';
import { thresholdChanges } from './threshold-changes';

export type UpdateSinkThresholdsInput = z.input<typeof sinkThresholdsInputSchema>;

/**
 * Sets or clears a sink's own alert thresholds (the evaluator reads them on its next pass) and
 * records `alerts.settings_changed` on the sink, each threshold from and to, in the same
 * transaction. A sink left with none keeps no row.
 */
export async function updateSinkAlertThresholds(
  db: Db,
  options: { sinkId: string; input: UpdateSinkThresholdsInput; by?: string },
): Promise<PublicSinkThresholds> {
  const input = parseOrThrow(sinkThresholdsInputSchema, options.input);
  const by = actorOf(options.by);
  return inTransaction(db, async (tx) => {
    const sink = isUuid(options.sinkId)
      ? await tx.prisma.sink.findUnique({ where: { id: options.sinkId }, select: { id: true, name: true } })
      : null;
    if (!sink) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
    await tx.prisma.$executeRawUnsafe(
      'SELECT 1 FROM sink_alert_thresholds WHERE sink_id = $1::uuid FOR UPDATE',
      sink.id,
    );
    const current = await tx.prisma.sinkAlertThresholds.findUnique({ where: { sinkId: sink.id } });
    const stored = storedSinkThresholdsOf(current);
    const changes = thresholdChanges(stored, input);
    if (Object.keys(changes).length === 0) return toPublicSinkThresholds(sink, current);

    const next = {
      ...stored,
      ...Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c?.to ?? null])),
    };
    let saved = null;
    if (SINK_THRESHOLD_FIELDS.every((field) => next[field] === null)) {
      await tx.prisma.sinkAlertThresholds.deleteMany({ where: { sinkId: sink.id } });
    } else {
      const data = { ...next, updatedAt: new Date(), updatedBy: by };
      saved = await tx.prisma.sinkAlertThresholds.upsert({
        where: { sinkId: sink.id },
        create: { sinkId: sink.id, ...data },
        update: data,
      });
    }
    await recordAuditEvent(tx, {
      actor: by,
      action: 'alerts.settings_changed',
      targetType: 'sink',
      targetId: sink.id,
      targetName: sink.name,
      details: {
        fields: Object.keys(changes).map((field) => `thresholds.${field}`),
        thresholds: changes,
      },
    });
    return toPublicSinkThresholds(sink, saved);
  });
}
