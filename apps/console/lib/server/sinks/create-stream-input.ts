import { z } from 'zod';
import { sinkConnectionSettingsSchema } from './test-connection-input';

/** Kinesis allows up to 10,000 shards per CreateStream (the account's quota is usually lower). */
const MAX_SHARDS = 10_000;

/**
 * "Create stream" on the sink form: the connection settings of Test connection (the stream's name
 * and region come from its ARN), and the capacity: on demand, or provisioned with a shard count.
 */
export const createStreamInputSchema = sinkConnectionSettingsSchema
  .extend({
    capacityMode: z.enum(['on-demand', 'provisioned'], {
      error: 'must be on-demand or provisioned',
    }),
    shardCount: z
      .int({ error: 'must be a whole number of shards' })
      .min(1, 'must be at least 1')
      .max(MAX_SHARDS, `must be at most ${MAX_SHARDS}`)
      .nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.capacityMode === 'provisioned' && !input.shardCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['shardCount'],
        message: 'give the number of shards of a provisioned stream',
      });
    }
    if (input.capacityMode === 'on-demand' && input.shardCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['shardCount'],
        message: 'an on-demand stream takes no shard count',
      });
    }
  });
export type CreateStreamInput = z.output<typeof createStreamInputSchema>;
