import type { Db } from '../database';
import { parseOrThrow } from '../validation';
import { type AlertFilter, alertFilterSchema } from './alert-filter';
import { type AlertRecord, toAlertRecord } from './alert-record';

export interface AlertPage {
  alerts: AlertRecord[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** One page of alerts, newest first, keyset-paginated on the id. */
export async function listAlerts(db: Db, options: AlertFilter = {}): Promise<AlertPage> {
  const input = parseOrThrow(alertFilterSchema, options);
  const openedAt = {
    ...(input.since ? { gte: input.since } : {}),
    ...(input.until ? { lt: input.until } : {}),
  };
  const rows = await db.prisma.alert.findMany({
    where: {
      kind: input.kind,
      sinkId: input.sinkId,
      sourceId: input.sourceId,
      ...(input.state === 'active' ? { resolvedAt: null } : {}),
      ...(input.state === 'resolved' ? { resolvedAt: { not: null } } : {}),
      ...(input.since || input.until ? { openedAt } : {}),
      ...(input.before ? { id: { lt: BigInt(input.before) } } : {}),
    },
    // Ids grow with insertion, so they order alerts by when they opened and page with one cursor.
    orderBy: { id: 'desc' },
    take: input.limit + 1,
  });
  const alerts = rows.slice(0, input.limit).map(toAlertRecord);
  const last = alerts.at(-1);
  return { alerts, nextCursor: rows.length > input.limit && last ? last.id : null };
}
