import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from './audit-actions';

const instant = (name: string) =>
  z.coerce.date({ error: `${name} must be a date and time, such as 2026-11-27T09:30:00Z` });

/** Which audit events to list, newest first, and where the page starts. All parts are optional. */
export const auditEventFilterSchema = z.object({
  actor: z.string().trim().min(1).max(200).optional(),
  action: z.enum(AUDIT_ACTIONS, { error: `action must be one of ${AUDIT_ACTIONS.join(', ')}` }).optional(),
  targetType: z
    .enum(AUDIT_TARGET_TYPES, { error: `targetType must be one of ${AUDIT_TARGET_TYPES.join(', ')}` })
    .optional(),
  /** The id of the sink, source, transform or message. */
  targetId: z.string().trim().min(1).max(200).optional(),
  /** Events at or after this time. */
  since: instant('since').optional(),
  /** Events before this time. */
  until: instant('until').optional(),
  /** The `nextCursor` of the previous page: events older than the event with this id. */
  before: z
    .string()
    .regex(/^\d{1,19}$/, 'before must be the nextCursor of a previous page (an event id)')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type AuditEventFilter = z.input<typeof auditEventFilterSchema>;
