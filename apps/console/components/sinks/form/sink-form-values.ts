import type { ChangeAction, Sink, SourceTable } from '@/lib/client/api-types';
import type { SinkInput } from '@/lib/client/mutations';
import { parseStreamArn, STREAM_ARN_FORMAT } from '@/lib/client/stream-arn';

export const CHANGE_ACTIONS: readonly ChangeAction[] = ['insert', 'update', 'delete'];

export interface TableChoice {
  schema: string;
  name: string;
  actions: ChangeAction[];
  /** Group by the primary key (the API's empty `groupColumns`), or by `groupColumns`. */
  usePrimaryKey: boolean;
  groupColumns: string[];
  /** Creating only: also send the rows the table already has (a backfill started with the sink). */
  sendExistingRows: boolean;
}

export interface SinkFormValues {
  name: string;
  sourceId: string;
  /** In the order they are sent: the API's `tables.N` errors point into this list. */
  tables: TableChoice[];
  streamArn: string;
  credentials: 'keys' | 'default';
  accessKeyId: string;
  secretAccessKey: string;
  endpoint: string;
  backoffCapSeconds: string;
  maxAttempts: string;
  maxRecordSizeKib: string;
  /** Pack messages into KPL aggregated records; consumers must deaggregate. */
  aggregateRecords: boolean;
  /** The attached transform's id; empty: none. */
  transformId: string;
  /** `(message) => boolean`; empty: no filter. */
  filterSource: string;
  /** `(message) => streamArn`; empty: every message goes to `streamArn`. */
  routingSource: string;
}

/** The API's names of the inputs the form shows, for placing its errors. */
export const SINK_FIELDS = [
  'name',
  'sourceId',
  'tables',
  'streamArn',
  'accessKeyId',
  'secretAccessKey',
  'endpoint',
  'backoffCapMs',
  'maxAttempts',
  'maxRecordSizeBytes',
  'aggregateRecords',
  'transformId',
  'filterSource',
  'routingSource',
] as const;

export const tableKey = (table: { schema: string; name: string }) => `${table.schema}.${table.name}`;

export function initialSinkValues(sink?: Sink): SinkFormValues {
  return {
    name: sink?.name ?? '',
    sourceId: sink?.sourceId ?? '',
    tables: (sink?.tables ?? []).map((table) => ({
      schema: table.schema,
      name: table.name,
      actions: [...table.actions],
      usePrimaryKey: table.groupColumns.length === 0,
      groupColumns: [...table.groupColumns],
      sendExistingRows: false,
    })),
    streamArn: sink?.streamArn ?? '',
    credentials: sink && !sink.accessKeyId ? 'default' : 'keys',
    accessKeyId: sink?.accessKeyId ?? '',
    secretAccessKey: '',
    endpoint: sink?.endpoint ?? '',
    backoffCapSeconds: String((sink?.backoffCapMs ?? 180_000) / 1000),
    maxAttempts: sink?.maxAttempts ? String(sink.maxAttempts) : '',
    maxRecordSizeKib: String((sink?.maxRecordSizeBytes ?? 1024 * 1024) / 1024),
    aggregateRecords: sink?.aggregateRecords ?? false,
    transformId: sink?.transform?.id ?? '',
    filterSource: sink?.filterSource ?? '',
    routingSource: sink?.routingSource ?? '',
  };
}

export function newTableChoice(table: SourceTable): TableChoice {
  return {
    schema: table.schema,
    name: table.name,
    actions: [...CHANGE_ACTIONS],
    usePrimaryKey: table.primaryKey.length > 0,
    groupColumns: [],
    sendExistingRows: false,
  };
}

export function streamArnError(value: string): string | undefined {
  if (!value.trim()) return 'give the ARN of the Kinesis data stream';
  return parseStreamArn(value) ? undefined : `not a stream ARN: expected ${STREAM_ARN_FORMAT}`;
}

/**
 * The body to save, or the problems the form can see itself (keyed like the API's `field`). The
 * API checks everything again; these only spare a round trip.
 */
export function toSinkInput(
  values: SinkFormValues,
  options: { sink?: Sink; sourceTables?: SourceTable[] },
): { input: SinkInput; errors?: undefined } | { input?: undefined; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const { sink, sourceTables } = options;
  if (!values.name.trim()) errors.name = 'give the sink a name';
  const arnError = streamArnError(values.streamArn);
  if (arnError) errors.streamArn = arnError;

  const tables = values.tables.map((table, index) => {
    const facts = sourceTables?.find((candidate) => tableKey(candidate) === tableKey(table));
    const hasPrimaryKey = facts ? facts.primaryKey.length > 0 : true;
    const byPrimaryKey = table.usePrimaryKey && hasPrimaryKey;
    if (table.actions.length === 0) errors[`tables.${index}.actions`] = 'choose at least one action';
    if (!byPrimaryKey && table.groupColumns.length === 0) {
      errors[`tables.${index}.groupColumns`] = hasPrimaryKey
        ? 'choose the grouping columns, or group by the primary key'
        : 'this table has no primary key: choose the columns whose values group its messages';
    }
    return {
      schema: table.schema,
      name: table.name,
      actions: table.actions,
      groupColumns: byPrimaryKey ? [] : table.groupColumns,
      // Editing refuses it: a sink's later backfills start from its page.
      ...(!sink && table.sendExistingRows ? { sendExistingRows: true } : {}),
    };
  });
  if (values.sourceId && tables.length === 0) errors.tables = 'choose at least one table of the source';

  let accessKeyId: string | null = null;
  let secretAccessKey: string | null | undefined = null;
  if (values.credentials === 'keys') {
    accessKeyId = values.accessKeyId.trim() || null;
    if (!accessKeyId) errors.accessKeyId = 'give the access key id, or use the default AWS credentials';
    if (values.secretAccessKey) secretAccessKey = values.secretAccessKey;
    else if (sink?.hasSecretAccessKey) secretAccessKey = undefined;
    else errors.secretAccessKey = 'give the secret access key';
  }

  const backoffCapMs = Math.round(Number(values.backoffCapSeconds) * 1000);
  if (!values.backoffCapSeconds.trim() || !Number.isFinite(backoffCapMs))
    errors.backoffCapMs = 'give the backoff cap in seconds';
  const maxAttempts = values.maxAttempts.trim() ? Number(values.maxAttempts) : null;
  if (maxAttempts !== null && !Number.isInteger(maxAttempts))
    errors.maxAttempts = 'give a whole number, or leave empty to retry until delivered';
  const maxRecordSizeBytes = Math.round(Number(values.maxRecordSizeKib) * 1024);
  if (!values.maxRecordSizeKib.trim() || !Number.isFinite(maxRecordSizeBytes))
    errors.maxRecordSizeBytes = 'give the record size limit in KiB';

  if (Object.keys(errors).length > 0) return { errors };
  const input: SinkInput = {
    name: values.name.trim(),
    sourceId: values.sourceId || null,
    tables,
    streamArn: values.streamArn.trim(),
    accessKeyId,
    endpoint: values.endpoint.trim() || null,
    backoffCapMs,
    maxAttempts,
    maxRecordSizeBytes,
    aggregateRecords: values.aggregateRecords,
    transformId: values.transformId || null,
    // The API compiles it; an empty box is no filter.
    filterSource: values.filterSource.trim() ? values.filterSource : null,
    routingSource: values.routingSource.trim() ? values.routingSource : null,
  };
  // Left out, the stored secret is kept.
  if (secretAccessKey !== undefined) input.secretAccessKey = secretAccessKey;
  return { input };
}

export type SetSinkValue = <K extends keyof SinkFormValues>(key: K, value: SinkFormValues[K]) => void;
/** The message for an input, from the form's own checks or the API's answer. */
export type ErrorFor = (field: string) => string | undefined;

/**
 * Where the form shows an API error about `field`: under the input it names, in the block of the
 * table `tables.N…` points at, or (undefined) at the top of the form.
 */
export function placeOfField(field: string, tableCount: number): string | undefined {
  const table = /^tables\.(\d+)/.exec(field);
  if (table) return Number(table[1]) < tableCount ? `tables.${table[1]}` : undefined;
  return (SINK_FIELDS as readonly string[]).includes(field) ? field : undefined;
}
