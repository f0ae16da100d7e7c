import { z } from 'zod';
import { messageFilterSchema } from '../messages/message-filter';

export const BULK_OPERATION_ACTIONS = ['retry', 'discard'] as const;
export type BulkOperationAction = (typeof BULK_OPERATION_ACTIONS)[number];

/** What a person asks for: retry or discard every waiting message a filter matches. */
export const bulkOperationInputSchema = z
  .object({
    action: z.enum(BULK_OPERATION_ACTIONS),
    /** Only messages in this state; every waiting one (pending and failing) when left out. */
    state: z.enum(['pending', 'failing']).optional(),
    /** Required, even empty, so that "every message of the sink" is always asked for explicitly. */
    filter: messageFilterSchema,
    reason: z.string().trim().max(1000).optional(),
  })
  .superRefine((input, context) => {
    if (input.action === 'retry' && input.state === 'pending') {
      context.addIssue({
        code: 'custom',
        path: ['state'],
        message:
          'retry applies to failing messages only (pending ones are already due or waiting for their group): use state failing or leave it out',
      });
    }
    if (input.action === 'retry' && input.reason) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'a reason is kept for discards only: leave it out of a retry',
      });
    }
  });

export type BulkOperationInput = z.input<typeof bulkOperationInputSchema>;

/** The message states an operation applies to. Retry only ever touches failing messages. */
export function bulkOperationStates(
  action: BulkOperationAction,
  messageState: 'pending' | 'failing' | null,
): Array<'pending' | 'failing'> {
  if (action === 'retry') return ['failing'];
  return messageState ? [messageState] : ['pending', 'failing'];
}
