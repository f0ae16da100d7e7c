import { alertFilterSchema } from '@shardline/db';
import { z } from 'zod';

const instant = (name: string) =>
  z.iso.datetime({
    offset: true,
    error: `${name} must be a date and time in ISO 8601, such as 2026-11-27T09:30:00Z`,
  });

/**
 * Query string of GET /api/v1/alerts: the data layer's filters, with times as ISO 8601 text (what
 * a query string carries, and what the OpenAPI document can describe).
 */
export const alertListQuerySchema = alertFilterSchema.extend({
  since: instant('since').optional(),
  until: instant('until').optional(),
});
