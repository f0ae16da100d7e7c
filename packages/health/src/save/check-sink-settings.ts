import { readSourceHealthFacts } from '@shardline/capture';
import {
  describeFinding,
  type HealthFinding,
  NotFoundError,
  parseStreamArn,
  type SavedSettingsCheck,
  type SecretBox,
  streamReasonOf,
  tableFindings,
  ValidationError,
} from '@shardline/core';
import {
  assertSinkSecretTarget,
  type Database,
  getSinkDeliveryConfig,
  getSinkSourceTables,
  getSourceConnection,
} from '@shardline/db';
import { testStreamConnection } from '@shardline/kinesis';

/** Every check of settings about to be saved; `ok` is false when any is an error. */
export interface SettingsCheckReport {
  ok: boolean;
  checks: SavedSettingsCheck[];
}

/** A sink's settings as given to create or edit it; on an edit, what is left out is the saved sink's. */
export interface SinkSettingsToCheck {
  streamArn?: string;
  endpoint?: string | null;
  accessKeyId?: string | null;
  /** Left out on an edit: the saved one. */
  secretAccessKey?: string | null;
  sourceId?: string | null;
  tables?: ReadonlyArray<{ schema: string; name: string; groupColumns: readonly string[] }>;
}

// A person is waiting on the form.
const TIMEOUT_MS = 5_000;

/**
 * The checks run before a sink is saved, on what the save would change: the stream answers
 * DescribeStreamSummary with the given (or saved) endpoint and credentials; each chosen table
 * exists in the source as a table and has what its grouping needs (a primary key, or grouping
 * columns that exist). An edit that changes neither the stream settings nor the tables checks
 * nothing. Whether a table is in the publication is not checked: saving adds it.
 */
export async function checkSinkSettings(
  db: Database,
  options: { secretBox: SecretBox; settings: SinkSettingsToCheck; sinkId?: string },
): Promise<SettingsCheckReport> {
  const { settings, sinkId } = options;
  const saved = sinkId ? await savedSink(db, options.secretBox, sinkId) : null;
  const streamEdited = ['streamArn', 'endpoint', 'accessKeyId', 'secretAccessKey'].some(
    (field) => settings[field as keyof SinkSettingsToCheck] !== undefined,
  );
  const tablesEdited = settings.tables !== undefined || settings.sourceId !== undefined;
  const checks: SavedSettingsCheck[] = [];
  if (!saved || streamEdited) checks.push(await checkStream(settings, saved));
  const sourceId = settings.sourceId === undefined ? (saved?.sourceId ?? null) : settings.sourceId;
  const tables = settings.tables ?? saved?.tables ?? [];
  if (sourceId && (!saved || tablesEdited)) {
    checks.push(...(await checkTables(db, options.secretBox, sourceId, tables)));
  }
  return { ok: checks.every((check) => check.status !== 'error'), checks };
}

interface SavedSink {
  streamArn: string;
  endpoint: string | null;
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  sourceId: string | null;
  tables: Array<{ schema: string; name: string; groupColumns: string[] }>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function savedSink(db: Database, secretBox: SecretBox, sinkId: string): Promise<SavedSink> {
  // An id that is no uuid names no sink either.
  if (!UUID.test(sinkId)) throw new NotFoundError(`sink ${sinkId} does not exist: sink ids are UUIDs`);
  const config = await getSinkDeliveryConfig(db, { secretBox, sinkId });
  const sink = await getSinkSourceTables(db, { sinkId });
  if (!sink) throw new NotFoundError(`sink ${sinkId} does not exist`);
  return {
    streamArn: config.streamArn,
    endpoint: config.endpoint,
    credentials: config.credentials,
    sourceId: sink.sourceId,
    tables: sink.tables,
  };
}

async function checkStream(
  settings: SinkSettingsToCheck,
  saved: SavedSink | null,
): Promise<SavedSettingsCheck> {
  const arn = parseStreamArn(settings.streamArn ?? saved?.streamArn ?? '');
  if (!arn) throw new ValidationError('streamArn: not a Kinesis stream ARN', 'streamArn');
  const accessKeyId =
    settings.accessKeyId === undefined ? (saved?.credentials?.accessKeyId ?? null) : settings.accessKeyId;
  const secretAccessKey =
    settings.secretAccessKey === undefined
      ? (saved?.credentials?.secretAccessKey ?? null)
      : settings.secretAccessKey;
  // The saved key is only ever sent to the endpoint and region it was saved with.
  if (saved?.credentials && settings.secretAccessKey === undefined) {
    assertSinkSecretTarget(saved, { streamArn: settings.streamArn, endpoint: settings.endpoint });
  }
  const test = await testStreamConnection({
    streamArn: arn.arn,
    region: arn.region,
    endpoint: settings.endpoint === undefined ? (saved?.endpoint ?? null) : settings.endpoint,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
    requestTimeoutMs: TIMEOUT_MS,
  });
  if (test.ok) {
    return {
      id: 'stream',
      status: 'ok',
      title: `The stream ${test.stream.name} answers`,
      detail: `Status ${test.stream.status}, ${test.stream.shardCount === 1 ? '1 shard' : `${test.stream.shardCount} shards`}.`,
    };
  }
  const problem = describeFinding({
    code: streamReasonOf(test.error.code) ?? 'stream_error',
    stream: arn.streamName,
    errorCode: test.error.code,
    message: test.error.message,
    hint: test.error.hint,
    via: 'describe',
  });
  return { id: 'stream', status: 'error', title: problem.sentence, detail: problem.fix };
}

async function checkTables(
  db: Database,
  secretBox: SecretBox,
  sourceId: string,
  tables: NonNullable<SinkSettingsToCheck['tables']>,
): Promise<SavedSettingsCheck[]> {
  const { source, clientConfig } = await getSourceConnection(db, { secretBox, sourceId }).catch(
    (error: unknown) => {
      // As saving says it: the setting is wrong, not the address.
      if (error instanceof NotFoundError) {
        throw new ValidationError(`sourceId: no source has the id ${sourceId}`, 'sourceId');
      }
      throw error;
    },
  );
  const facts = await readSourceHealthFacts(clientConfig, {
    publicationName: source.publicationName,
    slotName: source.slotName,
    tables: tables.map((table) => ({ schema: table.schema, name: table.name })),
    timeoutMs: TIMEOUT_MS,
  });
  if (!facts.connected) {
    return [
      {
        id: 'source',
        status: 'error',
        title: `Cannot connect to the source "${source.name}": ${facts.title}`,
        detail: facts.detail,
      },
    ];
  }
  return tables.map((table, index) => {
    const label = `${table.schema}.${table.name}`;
    const found = facts.tables[index];
    // Publishing is saving's job: only the table itself is checked here.
    const findings: HealthFinding[] = found
      ? tableFindings(
          table,
          { ...found, published: null },
          { database: facts.database, publication: source.publicationName },
        )
      : [];
    const [first, ...others] = findings.map(describeFinding);
    if (!first) {
      return {
        id: `table:${label}`,
        status: 'ok',
        title: `${label} can be captured`,
        detail:
          table.groupColumns.length > 0
            ? `Its messages are grouped by ${table.groupColumns.join(', ')}.`
            : `Its messages are grouped by its primary key (${found?.primaryKey.join(', ')}).`,
      };
    }
    return {
      id: `table:${label}`,
      status: 'error',
      title: first.sentence,
      detail: [first, ...others].map((problem) => problem.fix).join(' '),
    };
  });
}
