import { type MessageState, stateFilterOf, storedStateOf } from '@shardline/core';
import { z } from 'zod';
import { messageFilterSchema } from '../messages/message-filter';

export const BULK_OPERATION_ACTIONS = ['retry', 'discard', 'resend'] as const;
export type BulkOperationAction = (typeof BULK_OPERATION_ACTIONS)[number];

/** The states an operation can be narrowed to, as the API names them (`pending`: deprecated alias). */
const BULK_STATE_FILTERS = ['waiting', 'pending', 'failing', 'delivered'] as const;

/** What each action may be narrowed to, and what it applies to when no state is given. */
const ACTION_STATES: Record<BulkOperationAction, { allowed: readonly MessageState[]; hint: string }> = {
  retry: {
    allowed: ['failing'],
    hint: 'retry applies to failing messages only (waiting ones are already due or wait for their group): use state failing or leave it out',
  },
  discard: {
    allowed: ['pending', 'failing'],
    hint: 'discard applies to messages not delivered yet: use state waiting or failing, or leave it out for both',
  },
  resend: {
    allowed: ['delivered'],
    hint: 'resend applies to delivered messages only: use state delivered or leave it out',
  },
};

/** What a person asks for: retry or discard every waiting message a filter matches, or re-send delivered ones. */
export const bulkOperationInputSchema = z
  .object({
    action: z.enum(BULK_OPERATION_ACTIONS),
    /** Only messages in this state; by default every one the action applies to. */
    state: z
      .enum(BULK_STATE_FILTERS, {
        error: 'state must be one of waiting, failing, delivered (pending is a deprecated alias of waiting)',
      })
      // Stored names are accepted too, so what this schema gives back parses again the same way.
      .transform((state) => storedStateOf(state) as Exclude<MessageState, 'discarded'>)
      .optional(),
    /** Required, even empty, so that "every message of the sink" is always asked for explicitly. */
    filter: messageFilterSchema,
    reason: z.string().trim().max(1000).optional(),
  })
  .superRefine((input, context) => {
    if (input.state && !ACTION_STATES[input.action].allowed.includes(input.state)) {
      context.addIssue({ code: 'custom', path: ['state'], message: ACTION_STATES[input.action].hint });
    }
    if (input.action !== 'discard' && input.reason) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `a reason is kept for discards only: leave it out of a ${input.action}`,
      });
    }
  });

export type BulkOperationInput = z.input<typeof bulkOperationInputSchema>;

/** The stored message states an operation applies to. */
export function bulkOperationStates(
  action: BulkOperationAction,
  messageState: MessageState | null,
): MessageState[] {
  const { allowed } = ACTION_STATES[action];
  return messageState && allowed.includes(messageState) ? [messageState] : [...allowed];
}

/** The state an operation was narrowed to, as the API names it (null: every one its action takes). */
export function bulkStateFilterOf(messageState: MessageState | null) {
  return messageState === null ? null : stateFilterOf(messageState);
}
