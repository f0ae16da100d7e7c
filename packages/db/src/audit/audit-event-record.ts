import type { AuditEvent } from '../generated/prisma/client';

/** One entry of the audit trail, as shown to a person. */
export interface AuditEventRecord {
  /** A bigint in the database; a string so it survives JSON. Newer events have higher ids. */
  id: string;
  at: Date;
  actor: string;
  /** One of AUDIT_ACTIONS (text in the database, so older rows keep reading if actions are added). */
  action: string;
  targetType: string;
  targetId: string;
  /** The target's name when it was done; null for a message. */
  targetName: string | null;
  /** Names of the fields changed, a bulk operation's filter and counts, a message's sink. */
  details: Record<string, unknown>;
}

export function toAuditEventRecord(row: AuditEvent): AuditEventRecord {
  const details = row.details;
  return {
    id: row.id.toString(),
    at: row.at,
    actor: row.actor,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetName: row.targetName,
    details:
      details !== null && typeof details === 'object' && !Array.isArray(details)
        ? (details as Record<string, unknown>)
        : {},
  };
}
