import type { Db } from '../database';
import { parseOrThrow } from '../validation';
import { type AuditEventFilter, auditEventFilterSchema } from './audit-event-filter';
import { type AuditEventRecord, toAuditEventRecord } from './audit-event-record';

export interface AuditEventPage {
  events: AuditEventRecord[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** One page of the audit trail, newest first, keyset-paginated on the id. */
export async function listAuditEvents(db: Db, options: AuditEventFilter = {}): Promise<AuditEventPage> {
  const input = parseOrThrow(auditEventFilterSchema, options);
  const at = {
    ...(input.since ? { gte: input.since } : {}),
    ...(input.until ? { lt: input.until } : {}),
  };
  const rows = await db.prisma.auditEvent.findMany({
    where: {
      actor: input.actor,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      ...(input.since || input.until ? { at } : {}),
      ...(input.before ? { id: { lt: BigInt(input.before) } } : {}),
    },
    // Ids grow with insertion, so they order events and page through them with one cursor.
    orderBy: { id: 'desc' },
    take: input.limit + 1,
  });
  const events = rows.slice(0, input.limit).map(toAuditEventRecord);
  const last = events.at(-1);
  return { events, nextCursor: rows.length > input.limit && last ? last.id : null };
}
