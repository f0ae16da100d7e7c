import { z } from 'zod';
import type { Db } from '../database';
import { parseOrThrow } from '../validation';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from './audit-actions';

export interface AuditEventInput {
  actor: string;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  targetName?: string | null;
  /** Names of fields, filters, counts: never a secret's value. Bigints are stored as strings. */
  details?: Record<string, unknown>;
}

const auditEventInputSchema = z.object({
  actor: z.string().trim().min(1, 'say who did it').max(200),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.enum(AUDIT_TARGET_TYPES),
  targetId: z.string().min(1),
  targetName: z.string().nullish(),
  details: z.record(z.string(), z.unknown()).default({}),
});

const INSERT_SQL = `INSERT INTO audit_event (actor, action, target_type, target_id, target_name, details)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb)`;

/**
 * Records who did what to which target. Call it with the transaction that makes the change, so
 * the change and its record commit or roll back together.
 */
export async function recordAuditEvent(db: Db, event: AuditEventInput): Promise<void> {
  const input = parseOrThrow(auditEventInputSchema, event);
  const params = [
    input.actor,
    input.action,
    input.targetType,
    input.targetId,
    input.targetName ?? null,
    JSON.stringify(input.details, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)),
  ];
  await db.pool.query(INSERT_SQL, params);
}
