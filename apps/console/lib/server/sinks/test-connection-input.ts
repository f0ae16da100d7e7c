import { streamArnSchema } from '@shardline/core';
import { sinkSettingsSchema } from '@shardline/db';
import { z } from 'zod';

/**
 * The sink form's connection settings, saved or not. With `sinkId`, a secret access key left out
 * is the saved sink's (the form never holds it), and so is the access key id when left out.
 */
export const sinkConnectionSettingsSchema = z.object({
  streamArn: streamArnSchema,
  endpoint: z
    .url({
      protocol: /^https?$/,
      message: 'endpoint must be an http or https URL such as http://localhost:4567',
    })
    .nullish(),
  accessKeyId: z.string().trim().min(1).max(128).nullish(),
  secretAccessKey: z.string().min(1).max(256).nullish(),
  sinkId: z.guid({ message: 'sinkId must be the id (a UUID) of a saved sink' }).nullish(),
});
export type SinkConnectionSettings = z.output<typeof sinkConnectionSettingsSchema>;

/** Test connection's body: the connection settings, and for a saved sink its routing function. */
export const testConnectionInputSchema = sinkConnectionSettingsSchema.extend({
  /**
   * With `sinkId`: the routing function to run on the sink's recent messages, saved or not
   * (left out: the saved one; null or empty: none).
   */
  routingSource: sinkSettingsSchema.shape.routingSource,
});
export type TestConnectionInput = z.output<typeof testConnectionInputSchema>;
