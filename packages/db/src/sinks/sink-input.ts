import { streamArnSchema } from '@shardline/core';
import { z } from 'zod';

const MIB = 1024 * 1024;

/** What a person (or the API) gives to create a sink. Secrets are write-only. */
export const createSinkInputSchema = z
  .object({
    name: z.string().trim().min(1, 'name must not be empty').max(100, 'name must be at most 100 characters'),
    streamArn: streamArnSchema,
    accessKeyId: z.string().trim().min(1).max(128).nullish(),
    secretAccessKey: z.string().min(1).max(256).nullish(),
    endpoint: z.url({ message: 'endpoint must be a URL such as http://localhost:4567' }).nullish(),
    backoffCapMs: z
      .int()
      .min(1_000, 'the backoff cap must be at least 1 second')
      .max(86_400_000, 'the backoff cap must be at most 24 hours')
      .default(180_000),
    maxAttempts: z.int().min(1, 'maximum attempts must be at least 1 (or empty to retry forever)').nullish(),
    maxRecordSizeBytes: z
      .int()
      .min(1024, 'the record size limit must be at least 1 KiB')
      .max(10 * MIB, 'Kinesis records are at most 10 MiB')
      .default(MIB),
    // Lanes are the most requests one sink has in flight at once, across all engines.
    laneCount: z.int().min(1).max(1024).default(8),
  })
  .superRefine((value, ctx) => {
    if (Boolean(value.accessKeyId) !== Boolean(value.secretAccessKey)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.accessKeyId ? 'secretAccessKey' : 'accessKeyId'],
        message:
          'give both the access key id and the secret access key, or neither to use the default AWS credentials',
      });
    }
  });

export type CreateSinkInput = z.input<typeof createSinkInputSchema>;
