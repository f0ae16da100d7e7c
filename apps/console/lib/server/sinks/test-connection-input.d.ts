import { z } from 'zod';
/**
 * The sink form's connection settings, saved or not. With `sinkId`, a secret access key left out
 * is the saved sink's (the form never holds it), and so is the access key id when left out.
 */
export declare const testConnectionInputSchema: z.ZodObject<
  {
    streamArn: z.ZodString;
    endpoint: z.ZodOptional<z.ZodNullable<z.ZodURL>>;
    accessKeyId: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    secretAccessKey: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    sinkId: z.ZodOptional<z.ZodNullable<z.ZodGUID>>;
  },
  z.core.$strip
>;
export type TestConnectionInput = z.output<typeof testConnectionInputSchema>;
