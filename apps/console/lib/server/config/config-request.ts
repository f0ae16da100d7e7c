import { reference } from '@shardline/config';
import { z } from 'zod';

/** The body of plan and apply: the file, the values of the variables it refers to, and whether to delete. */
export const configRequestSchema = z.strictObject({
  file: z.string({ error: 'file must be the text of a shardline.yaml' }).max(4 * 1024 * 1024),
  variables: z
    .record(
      z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'variable names are letters, digits and underscores'),
      z.string().max(65_536),
    )
    .default({})
    .describe(
      `The values of the environment variables the file refers to (${reference('NAME')}); the command line sends those of its own environment`,
    ),
  deleteMissing: z
    .boolean()
    .default(false)
    .describe(
      'Delete the sinks, transforms and sources the instance has and the file does not; kept without it',
    ),
});
