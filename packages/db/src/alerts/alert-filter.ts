import { z } from 'zod';
import { ALERT_KINDS, ALERT_STATES } from './alert-kinds';

const instant = (name: string) =>
  z.coerce.date({ error: `${name} must be a date and time, such as 2026-11-27T09:30:00Z` });

const uuid = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `${name} must be a UUID`);

/** Which alerts to list, newest first, and where the page starts. All parts are optional. */
export const alertFilterSchema = z.object({
  /** `active` (still open) or `resolved`; both when left out. */
  state: z.enum(ALERT_STATES, { error: `state must be one of ${ALERT_STATES.join(', ')}` }).optional(),
  kind: z.enum(ALERT_KINDS, { error: `kind must be one of ${ALERT_KINDS.join(', ')}` }).optional(),
  sinkId: uuid('sinkId').optional(),
  sourceId: uuid('sourceId').optional(),
  /** Alerts opened at or after this time. */
  since: instant('since').optional(),
  /** Alerts opened before this time. */
  until: instant('until').optional(),
  /** The `nextCursor` of the previous page: alerts older than the alert with this id. */
  before: z
    .string()
    .regex(/^\d{1,19}$/, 'before must be the nextCursor of a previous page (an alert id)')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type AlertFilter = z.input<typeof alertFilterSchema>;
