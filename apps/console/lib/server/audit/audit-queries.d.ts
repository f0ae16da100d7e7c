import { z } from 'zod';
/**
 * Query string of GET /api/v1/audit: the data layer's filters, with times as ISO 8601 text (what
 * a query string carries, and what the OpenAPI document can describe).
 */
export declare const auditListQuerySchema: z.ZodObject<
  {
    actor: z.ZodOptional<z.ZodString>;
    action: z.ZodOptional<
      z.ZodEnum<{
        'sink.create': 'sink.create';
        'sink.update': 'sink.update';
        'sink.delete': 'sink.delete';
        'sink.pause': 'sink.pause';
        'sink.resume': 'sink.resume';
        'backfill.start': 'backfill.start';
        'backfill.pause': 'backfill.pause';
        'backfill.resume': 'backfill.resume';
        'backfill.cancel': 'backfill.cancel';
        'source.create': 'source.create';
        'source.update': 'source.update';
        'source.delete': 'source.delete';
        'transform.create': 'transform.create';
        'transform.update': 'transform.update';
        'transform.delete': 'transform.delete';
        'message.retry': 'message.retry';
        'message.discard': 'message.discard';
        'message.resend': 'message.resend';
        'bulk.retry': 'bulk.retry';
        'bulk.discard': 'bulk.discard';
        'bulk.resend': 'bulk.resend';
        'account.create': 'account.create';
        'account.delete': 'account.delete';
        'account.sign_in_failure': 'account.sign_in_failure';
        'account.lock': 'account.lock';
        'account.role_change': 'account.role_change';
        'account.password_reset': 'account.password_reset';
        'account.password_change': 'account.password_change';
        'token.create': 'token.create';
        'token.revoke': 'token.revoke';
        'alerts.settings_changed': 'alerts.settings_changed';
        'config.apply': 'config.apply';
        'stream.create': 'stream.create';
      }>
    >;
    targetType: z.ZodOptional<
      z.ZodEnum<{
        message: 'message';
        transform: 'transform';
        sink: 'sink';
        source: 'source';
        account: 'account';
        token: 'token';
        alert_settings: 'alert_settings';
        configuration: 'configuration';
        stream: 'stream';
      }>
    >;
    targetId: z.ZodOptional<z.ZodString>;
    before: z.ZodOptional<z.ZodString>;
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    since: z.ZodOptional<z.ZodISODateTime>;
    until: z.ZodOptional<z.ZodISODateTime>;
  },
  z.core.$strip
>;
