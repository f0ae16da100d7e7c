import { z } from 'zod';
/** Query string of GET …/messages/counts: the filter alone. */
export declare const messageCountsQuerySchema: z.ZodObject<
  {
    table: z.ZodOptional<z.ZodString>;
    action: z.ZodOptional<
      z.ZodEnum<{
        update: 'update';
        delete: 'delete';
        insert: 'insert';
        read: 'read';
      }>
    >;
    group: z.ZodOptional<z.ZodString>;
    errorCode: z.ZodOptional<z.ZodString>;
    key: z.ZodOptional<z.ZodString>;
    q: z.ZodOptional<z.ZodString>;
  },
  z.core.$strip
>;
/** Query string of GET …/messages: which state, the filter, and where the page starts. */
export declare const messageListQuerySchema: z.ZodObject<
  {
    table: z.ZodOptional<z.ZodString>;
    action: z.ZodOptional<
      z.ZodEnum<{
        update: 'update';
        delete: 'delete';
        insert: 'insert';
        read: 'read';
      }>
    >;
    group: z.ZodOptional<z.ZodString>;
    errorCode: z.ZodOptional<z.ZodString>;
    key: z.ZodOptional<z.ZodString>;
    q: z.ZodOptional<z.ZodString>;
    state: z.ZodPipe<
      z.ZodDefault<
        z.ZodEnum<{
          waiting: 'waiting';
          failing: 'failing';
          delivered: 'delivered';
          discarded: 'discarded';
          pending: 'pending';
        }>
      >,
      z.ZodTransform<
        'failing' | 'delivered' | 'discarded' | 'pending',
        'waiting' | 'failing' | 'delivered' | 'discarded' | 'pending'
      >
    >;
    after: z.ZodOptional<z.ZodString>;
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
  },
  z.core.$strip
>;
/** Body of POST …/messages/{messageId}/discard; the body itself may be left out. */
export declare const discardMessageBodySchema: z.ZodObject<
  {
    reason: z.ZodOptional<z.ZodString>;
  },
  z.core.$strip
>;
