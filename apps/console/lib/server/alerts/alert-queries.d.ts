import { z } from 'zod';
/**
 * Query string of GET /api/v1/alerts: the data layer's filters, with times as ISO 8601 text (what
 * a query string carries, and what the OpenAPI document can describe).
 */
export declare const alertListQuerySchema: z.ZodObject<
  {
    state: z.ZodOptional<
      z.ZodEnum<{
        active: 'active';
        resolved: 'resolved';
      }>
    >;
    kind: z.ZodOptional<
      z.ZodEnum<{
        message_too_large: 'message_too_large';
        group_blocked: 'group_blocked';
        sink_failing: 'sink_failing';
        sink_not_capturing: 'sink_not_capturing';
        sink_throttled: 'sink_throttled';
        source_lagging: 'source_lagging';
      }>
    >;
    sinkId: z.ZodOptional<z.ZodString>;
    sourceId: z.ZodOptional<z.ZodString>;
    before: z.ZodOptional<z.ZodString>;
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    since: z.ZodOptional<z.ZodISODateTime>;
    until: z.ZodOptional<z.ZodISODateTime>;
  },
  z.core.$strip
>;
