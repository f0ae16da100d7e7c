import { ACCEPTED_STATE_FILTERS, storedStateOf } from '@shardline/core';
import { messageFilterSchema } from '@shardline/db';
import { z } from 'zod';

/** Query string of GET …/messages/counts: the filter alone. */
export const messageCountsQuerySchema = messageFilterSchema;

/** Query string of GET …/messages: which state, the filter, and where the page starts. */
export const messageListQuerySchema = messageFilterSchema.extend({
  /** `waiting` (or its deprecated alias `pending`), `failing`, `delivered` or `discarded`. */
  state: z
    .enum(ACCEPTED_STATE_FILTERS, {
      error:
        'state must be one of waiting, failing, delivered, discarded (pending is a deprecated alias of waiting)',
    })
    .default('waiting')
    .transform(storedStateOf),
  /** The `nextCursor` of the previous page. */
  after: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** Body of POST …/messages/{messageId}/discard; the body itself may be left out. */
export const discardMessageBodySchema = z.object({
  reason: z.string().trim().max(1000).optional(),
});
