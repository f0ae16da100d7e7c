import { z } from 'zod';
/** The body of plan and apply: the file, the values of the variables it refers to, and whether to delete. */
export declare const configRequestSchema: z.ZodObject<
  {
    file: z.ZodString;
    variables: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodString>>;
    deleteMissing: z.ZodDefault<z.ZodBoolean>;
  },
  z.core.$strict
>;
