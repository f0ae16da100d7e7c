import { MESSAGE_ACTIONS, streamArnSchema } from '@shardline/core';
import { z } from 'zod';
import { checkSendExistingRows } from '../backfills/create-time-backfill';

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
  /** Only when creating a sink (see createSinkTableInputSchema); editing refuses it. */
  sendExistingRows: z
    .literal(false, {
      error:
        'sendExistingRows is only for creating a sink: to send the existing rows of a table of this sink, start a backfill (POST /api/v1/sinks/{id}/backfills)',
    })
    .optional(),
});
export type SinkTableInput = z.input<typeof sinkTableInputSchema>;

/** A table of a new sink: also `sendExistingRows`, which starts a backfill of it with the sink. */
export const createSinkTableInputSchema = sinkTableInputSchema.extend({
  sendExistingRows: z.boolean().default(false),
});

/**
 * Every setting of a sink with its rules and no defaults: creating fills the defaults in, while
 * editing must leave a setting that was not given as it is (a default would overwrite it).
 */
/** The longest filter or routing function a sink takes, in characters. */
export const MAX_SINK_FUNCTION_CHARS = 65_536;

export const sinkSettingsSchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(100, 'name must be at most 100 characters'),
  streamArn: streamArnSchema,
  accessKeyId: z.string().trim().min(1).max(128).nullish(),
  secretAccessKey: z.string().min(1).max(256).nullish(),
  endpoint: z
    .url({
      protocol: /^https?$/,
      message: 'endpoint must be an http or https URL such as http://localhost:4567',
    })
    .nullish(),
  backoffCapMs: z
    .int()
    .min(1_000, 'the backoff cap must be at least 1 second')
    .max(86_400_000, 'the backoff cap must be at most 24 hours'),
  maxAttempts: z.int().min(1, 'maximum attempts must be at least 1 (or empty to retry forever)').nullish(),
  maxRecordSizeBytes: z
    .int()
    .min(1024, 'the record size limit must be at least 1 KiB')
    .max(10 * MIB, 'Kinesis records are at most 10 MiB'),
  // Lanes are the most requests one sink has in flight at once, across all engines.
  laneCount: z.int().min(1).max(1024),
  /**
   * Pack several messages into one Kinesis record in the KPL aggregated format; every consumer of
   * the stream must then deaggregate (docs/aggregation.md).
   */
  aggregateRecords: z.boolean({ error: 'aggregateRecords must be true or false' }),
  /** The source the sink's changes come from, and which of its tables. */
  sourceId: z.uuid().nullish(),
  tables: z.array(sinkTableInputSchema).max(1_000, 'at most 1000 tables'),
  annotations: z
    .record(
      z
        .string()
        .min(1, 'annotation names must not be empty')
        .max(100, 'annotation names must be at most 100 characters'),
      z.string().max(1_000, 'annotation values must be at most 1000 characters'),
    )
    .refine((annotations) => Object.keys(annotations).length <= 50, 'at most 50 annotations'),
  /** The transform that reshapes each message when it is sent; null: sent as stored. */
  transformId: z.uuid({ message: 'transformId must be the id of a transform' }).nullish(),
  /** `(message) => boolean` run when a change is read; null: every message is kept. */
  filterSource: z
    .string()
    .max(MAX_SINK_FUNCTION_CHARS, `the filter must be at most ${MAX_SINK_FUNCTION_CHARS} characters`)
    .nullish()
    // An empty filter box means no filter, not a filter that fails to compile.
    .transform((source) => (source === undefined ? undefined : source?.trim() ? source : null)),
  /** `(message) => streamArn` run when a message is sent; null: every message goes to `streamArn`. */
  routingSource: z
    .string()
    .max(
      MAX_SINK_FUNCTION_CHARS,
      `the routing function must be at most ${MAX_SINK_FUNCTION_CHARS} characters`,
    )
    .nullish()
    // An empty routing box means no routing, not a function that fails to compile.
    .transform((source) => (source === undefined ? undefined : source?.trim() ? source : null)),
});

/** What a person (or the API) gives to create a sink. Secrets are write-only. */
export const createSinkInputSchema = sinkSettingsSchema
  .extend({
    backoffCapMs: sinkSettingsSchema.shape.backoffCapMs.default(180_000),
    maxRecordSizeBytes: sinkSettingsSchema.shape.maxRecordSizeBytes.default(MIB),
    laneCount: sinkSettingsSchema.shape.laneCount.default(4),
    aggregateRecords: sinkSettingsSchema.shape.aggregateRecords.default(false),
    tables: z.array(createSinkTableInputSchema).default([]),
    annotations: sinkSettingsSchema.shape.annotations.default({}),
  })
  .superRefine((value, ctx) => {
    const tablesIssue = checkSinkTables(value);
    if (tablesIssue) ctx.addIssue({ code: 'custom', ...tablesIssue });
    const existingRowsIssue = checkSendExistingRows(value);
    if (existingRowsIssue) ctx.addIssue({ code: 'custom', ...existingRowsIssue });
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

/**
 * The rules on a sink's tables: a sink fed by a source takes at least one of its tables, and no
 * table twice. Returns the first problem, or null.
 */
export function checkSinkTables(value: {
  sourceId?: string | null;
  tables: ReadonlyArray<{ schema: string; name: string }>;
}): { path: Array<string | number>; message: string } | null {
  if (value.sourceId && value.tables.length === 0) {
    return { path: ['tables'], message: 'choose at least one table of the source' };
  }
  const seen = new Set<string>();
  for (const [index, table] of value.tables.entries()) {
    const key = `${table.schema}.${table.name}`;
    if (seen.has(key)) return { path: ['tables', index], message: `table ${key} is listed twice` };
    seen.add(key);
  }
  return null;
}
