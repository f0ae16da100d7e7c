import { MAX_SINK_FUNCTION_CHARS } from '@shardline/db';
import { z } from 'zod';
import { checkTestSample, testSampleFields } from '../../transforms/test-transform-input';

/**
 * Body of POST /sinks/test-routing: a routing function (saved or not) and what to run it on, as
 * for a transform's test: a pasted message, messages of a sink by id, or a sink's next ones.
 */
export const testRoutingInputSchema = z
  .strictObject({
    routingSource: z
      .string()
      .max(
        MAX_SINK_FUNCTION_CHARS,
        `the routing function must be at most ${MAX_SINK_FUNCTION_CHARS} characters`,
      )
      .refine((source) => source.trim() !== '', 'give the routing function to test'),
    ...testSampleFields,
  })
  .superRefine((input, context) => checkTestSample(input, context, 'the routing function'));
export type TestRoutingInput = z.output<typeof testRoutingInputSchema>;
