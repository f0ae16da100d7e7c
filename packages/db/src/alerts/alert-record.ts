import type { Alert } from '../generated/prisma/client';
import type { AlertCondition } from './alert-condition';
import type { AlertKind } from './alert-kinds';

/**
 * One alert, open or resolved, as the API and the console show it: the condition as of the latest
 * evaluation while it was open (`targetName` is the sink's or source's name then; `details` holds
 * counts, examples and the threshold, by kind, docs/alerts.md), and its history.
 */
export interface AlertRecord extends AlertCondition {
  /** A bigint in the database; a string so it survives JSON. Newer alerts have higher ids. */
  id: string;
  openedAt: Date;
  /** When an evaluation last found the condition. */
  seenAt: Date;
  /** Null while it is open. */
  resolvedAt: Date | null;
  /** The webhook's side: when it accepted each notice, and why it last failed. */
  notifications: { openedAt: Date | null; resolvedAt: Date | null; error: string | null };
}

/** A row as `SELECT *` from the pool gives it (snake case). */
export interface AlertRow {
  id: string;
  kind: AlertKind;
  sink_id: string | null;
  source_id: string | null;
  target_name: string;
  summary: string;
  details: Record<string, unknown> | null;
  opened_at: Date;
  seen_at: Date;
  resolved_at: Date | null;
  open_notified_at: Date | null;
  resolve_notified_at: Date | null;
  notify_error: string | null;
}

export function toAlertRecord(row: Alert): AlertRecord {
  return fromRow({
    id: row.id.toString(),
    kind: row.kind,
    sink_id: row.sinkId,
    source_id: row.sourceId,
    target_name: row.targetName,
    summary: row.summary,
    details: row.details as Record<string, unknown> | null,
    opened_at: row.openedAt,
    seen_at: row.seenAt,
    resolved_at: row.resolvedAt,
    open_notified_at: row.openNotifiedAt,
    resolve_notified_at: row.resolveNotifiedAt,
    notify_error: row.notifyError,
  });
}

export function fromRow(row: AlertRow): AlertRecord {
  const details = row.details;
  return {
    id: String(row.id),
    kind: row.kind,
    sinkId: row.sink_id,
    sourceId: row.source_id,
    targetName: row.target_name,
    summary: row.summary,
    details: details !== null && typeof details === 'object' && !Array.isArray(details) ? details : {},
    openedAt: row.opened_at,
    seenAt: row.seen_at,
    resolvedAt: row.resolved_at,
    notifications: {
      openedAt: row.open_notified_at,
      resolvedAt: row.resolve_notified_at,
      error: row.notify_error,
    },
  };
}
