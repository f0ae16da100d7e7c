import { z } from 'zod';
/**
 * "Create stream" on the sink form: the connection settings of Test connection (the stream's name
 * and region come from its ARN), and the capacity: on demand, or provisioned with a shard count.
 */
export declare const createStreamInputSchema: z.ZodObject<
  {
    streamArn: z.ZodString;
    endpoint: z.ZodOptional<z.ZodNullable<z.ZodURL>>;
    accessKeyId: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    secretAccessKey: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    sinkId: z.ZodOptional<z.ZodNullable<z.ZodGUID>>;
    capacityMode: z.ZodEnum<{
      'on-demand': 'on-demand';
      provisioned: 'provisioned';
    }>;
    shardCount: z.ZodOptional<z.ZodNullable<z.ZodInt>>;
  },
  z.core.$strip
>;
export type CreateStreamInput = z.output<typeof createStreamInputSchema>;
