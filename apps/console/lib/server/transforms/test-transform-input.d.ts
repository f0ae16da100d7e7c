import { z } from 'zod';
/** At most this many messages per test: each may take the transform's whole time limit. */
export declare const MAX_TEST_MESSAGES = 20;
export declare const DEFAULT_TEST_MESSAGES = 5;
/**
 * Body of POST /transforms/test: a definition (saved or not) and what to run it on: a pasted
 * message, messages of a sink by id, or those of a sink a transform applies to next.
 */
export declare const testTransformInputSchema: z.ZodObject<
  {
    definition: z.ZodObject<
      {
        kind: z.ZodEnum<{
          code: 'code';
          path: 'path';
        }>;
        body: z.ZodString;
      },
      z.core.$strip
    >;
    sinkId: z.ZodOptional<z.ZodGUID>;
    messageIds: z.ZodOptional<z.ZodArray<z.ZodString>>;
    message: z.ZodOptional<z.ZodUnknown>;
    limit: z.ZodDefault<z.ZodNumber>;
  },
  z.core.$strict
>;
export type TestTransformInput = z.output<typeof testTransformInputSchema>;
