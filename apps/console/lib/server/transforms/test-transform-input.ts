import { MAX_TRANSFORM_BODY_CHARS, TRANSFORM_KINDS } from '@shardline/db';
import { z } from 'zod';

/** At most this many messages per test: each may take the transform's whole time limit. */
export const MAX_TEST_MESSAGES = 20;
export const DEFAULT_TEST_MESSAGES = 5;

/**
 * What a test runs on, shared by the tests of transforms and of routing functions: a pasted
 * message, messages of a sink by id, or the `limit` messages of a sink a function applies to next.
 */
export const testSampleFields = {
  sinkId: z.guid({ message: 'sinkId must be the id (a UUID) of a sink' }).optional(),
  messageIds: z
    .array(
      z.string().regex(/^\d{1,19}$/, 'message ids are whole numbers, as GET /sinks/{id}/messages lists them'),
    )
    .min(1, 'give at least one message id, or leave messageIds out for the most recent messages')
    .max(MAX_TEST_MESSAGES, `at most ${MAX_TEST_MESSAGES} messages at a time`)
    .optional(),
  /** A message pasted by a person: `{ record, changes, action, metadata }` or any object. */
  message: z.unknown().optional(),
  limit: z
    .number()
    .int()
    .min(1, 'limit must be 1 or more')
    .max(MAX_TEST_MESSAGES, `limit must be at most ${MAX_TEST_MESSAGES}`)
    .default(DEFAULT_TEST_MESSAGES),
};

/** Refuses a test sample that names nothing to run on, or two things at once. */
export function checkTestSample(
  input: { sinkId?: string; messageIds?: string[]; message?: unknown },
  context: z.RefinementCtx,
  what: string,
): void {
  const pasted = input.message !== undefined;
  if (
    pasted &&
    (input.message === null || typeof input.message !== 'object' || Array.isArray(input.message))
  ) {
    context.addIssue({
      code: 'custom',
      path: ['message'],
      message: 'the message must be a JSON object, such as { "record": { "id": 1 }, "action": "insert" }',
    });
  } else if (pasted && input.messageIds) {
    context.addIssue({
      code: 'custom',
      path: ['message'],
      message: 'give either a pasted message or messageIds, not both',
    });
  } else if (input.messageIds && !input.sinkId) {
    context.addIssue({
      code: 'custom',
      path: ['sinkId'],
      message: 'messageIds need the sinkId of their sink',
    });
  } else if (!pasted && !input.sinkId) {
    context.addIssue({
      code: 'custom',
      path: ['message'],
      message: `give a message to run ${what} on, or a sinkId to run it on messages of that sink`,
    });
  }
}

/**
 * Body of POST /transforms/test: a definition (saved or not) and what to run it on: a pasted
 * message, messages of a sink by id, or those of a sink a transform applies to next.
 */
export const testTransformInputSchema = z
  .strictObject({
    definition: z.object({
      kind: z.enum(TRANSFORM_KINDS, { error: 'kind must be code or path' }),
      body: z
        .string()
        .max(
          MAX_TRANSFORM_BODY_CHARS,
          `the transform body must be at most ${MAX_TRANSFORM_BODY_CHARS} characters`,
        ),
    }),
    ...testSampleFields,
  })
  .superRefine((input, context) => checkTestSample(input, context, 'the transform'));
export type TestTransformInput = z.output<typeof testTransformInputSchema>;
