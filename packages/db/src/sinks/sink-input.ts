import { MESSAGE_ACTIONS, streamArnSchema } from '@shardline/core';
import { z } from 'zod';

const MIB = 1024 * 1024;

const CHANGE_ACTIONS = MESSAGE_ACTIONS.filter((action) => action !== 'read');
const identifier = z.string().trim().min(1).max(63);

/** One table a sink takes changes of. */
export const sinkTableInputSchema = z.object({
  schema: identifier.default('public'),
  name: identifier,
  actions: z
    .array(z.enum(CHANGE_ACTIONS))
    .min(1, 'choose at least one action (insert, update, delete)')
    .default([...CHANGE_ACTIONS]),
  /** Columns whose values form the group (partition key); empty means the primary key. */
  groupColumns: z.array(identifier).default([]),
});
export type SinkTableInput = z.input<typeof sinkTableInputSchema>;

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
    /** The source the sink's changes come from, and which of its tables. */
    sourceId: z.uuid().nullish(),
    tables: z.array(sinkTableInputSchema).default([]),
    annotations: z.record(z.string(), z.string()).default({}),
  })
  .superRefine((value, ctx) => {
    if (value.sourceId && value.tables.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['tables'], message: 'choose at least one table of the source' });
    }
    const seen = new Set<string>();
    value.tables.forEach((table, index) => {
      const key = `${table.schema}.${table.name}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['tables', index], message: `table ${key} is listed twice` });
      seen.add(key);
    });
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
