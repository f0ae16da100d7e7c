import {
  alertThresholdsInputSchema,
  createSinkInputSchema,
  createSourceInputSchema,
  createTransformInputSchema,
  sinkSettingsSchema,
  sinkTableInputSchema,
  sinkThresholdsInputSchema,
  webhookUrlSchema,
} from '@shardline/db';
import { z } from 'zod';

/**
 * The file `shardline.yaml`: sources, transforms and sinks by name, with the same fields and
 * rules as the REST API, except that a sink names its source and transform instead of giving
 * their ids, and that secrets are references to environment variables. Every object is strict:
 * a mistyped field is an error, never a setting silently ignored.
 */
export const CONFIG_VERSION = 1;

/** The fields whose values are secrets: only ever written as `${VARIABLE}`. */
export const SECRET_FIELDS = {
  sources: ['password'],
  sinks: ['accessKeyId', 'secretAccessKey'],
  alerts: ['webhookUrl'],
} as const;

/** The fields holding code, kept exactly as written: `${…}` in them is JavaScript, not a reference. */
export const CODE_FIELDS = {
  transforms: ['body'],
  sinks: ['filter', 'routing'],
} as const;

const sourceFields = createSourceInputSchema.in.shape;
const sinkFields = sinkSettingsSchema.shape;
const sinkDefaults = createSinkInputSchema.shape;
const transformFields = createTransformInputSchema.shape;

export const sourceConfigSchema = z.strictObject({
  name: sourceFields.name,
  host: sourceFields.host.unwrap().unwrap(),
  port: sourceFields.port.unwrap().unwrap().default(5432),
  database: sourceFields.database.unwrap().unwrap(),
  username: sourceFields.username.unwrap().unwrap(),
  password: sourceFields.password,
  sslMode: sourceFields.sslMode.unwrap().unwrap().default('prefer'),
  publicationName: sourceFields.publicationName,
  slotName: sourceFields.slotName,
});
export type SourceConfig = z.output<typeof sourceConfigSchema>;

export const transformConfigSchema = z.strictObject({
  name: transformFields.name,
  kind: transformFields.kind,
  description: transformFields.description,
  body: transformFields.body,
});
export type TransformConfig = z.output<typeof transformConfigSchema>;

const tableFields = sinkTableInputSchema.shape;
export const sinkTableConfigSchema = z.strictObject({
  schema: tableFields.schema,
  name: tableFields.name,
  actions: tableFields.actions,
  groupColumns: tableFields.groupColumns,
});

export const sinkConfigSchema = z.strictObject({
  name: sinkFields.name,
  /** The name of a source of this file; left out for a sink fed only through the API's ingest. */
  source: z.string().trim().min(1, 'source must name a source of the file').nullish(),
  streamArn: sinkFields.streamArn,
  endpoint: sinkFields.endpoint,
  accessKeyId: sinkFields.accessKeyId,
  secretAccessKey: sinkFields.secretAccessKey,
  tables: z.array(sinkTableConfigSchema).max(1_000, 'at most 1000 tables').default([]),
  /** `(message) => boolean`, run when a change is read. */
  filter: sinkFields.filterSource,
  /** `(message) => streamArn`, run when a message is sent: the stream it goes to (docs/routing.md). */
  routing: sinkFields.routingSource,
  /** The name of a transform of this file. */
  transform: z.string().trim().min(1).nullish(),
  backoffCapMs: sinkDefaults.backoffCapMs,
  maxAttempts: sinkFields.maxAttempts,
  maxRecordSizeBytes: sinkDefaults.maxRecordSizeBytes,
  laneCount: sinkDefaults.laneCount,
  aggregateRecords: sinkDefaults.aggregateRecords,
  annotations: sinkDefaults.annotations,
  /** The sink's own alert thresholds (docs/alerts.md); the installation's where left out. */
  alertThresholds: sinkThresholdsInputSchema.optional(),
});
export type SinkConfig = z.output<typeof sinkConfigSchema>;

/**
 * The installation's alert settings. Left out of the file, they are not the file's to manage (the
 * console's stay as they are); given, the file says all of them: a threshold left out is unset.
 */
export const alertsConfigSchema = z.strictObject({
  webhookUrl: webhookUrlSchema().nullish(),
  thresholds: alertThresholdsInputSchema.optional(),
});

export const configFileSchema = z.strictObject({
  version: z.literal(CONFIG_VERSION, { error: `version must be ${CONFIG_VERSION}` }),
  sources: z.array(sourceConfigSchema).default([]),
  transforms: z.array(transformConfigSchema).default([]),
  sinks: z.array(sinkConfigSchema).default([]),
  alerts: alertsConfigSchema.optional(),
});
/** A configuration with every default filled in and every reference resolved. */
export type Configuration = z.output<typeof configFileSchema>;
