import { formatBytes, formatSpan, listWords } from './health-format';
import type {
  HealthFinding,
  HealthFindings,
  HealthProblem,
  HealthReason,
  SinkHealthStatus,
  StreamFinding,
} from './health-reasons';

interface ReasonWording<F> {
  /** The state a sink with this problem is in. */
  status: Exclude<SinkHealthStatus, 'healthy'>;
  /** What is wrong, in one sentence. */
  sentence(finding: F): string;
  /** What a person does about it. */
  fix(finding: F): string;
}

const KIND_NAMES: Record<string, string> = {
  v: 'a view',
  m: 'a materialized view',
  f: 'a foreign table',
  S: 'a sequence',
  i: 'an index',
  c: 'a composite type',
};

const streamSentence = (what: string) => (finding: StreamFinding) =>
  `${finding.via === 'delivery' ? 'The latest delivery to' : 'Checking'} stream ${finding.stream} failed: ${what} (${finding.errorCode}: ${finding.message}).`;

/**
 * Every reason's state, sentence and fix: the one place a reason is worded, for the console, the
 * API, the logs and the alerts. A reason added to HEALTH_REASONS is a compile error here until it
 * is worded.
 */
export const HEALTH_WORDING: { [R in HealthReason]: ReasonWording<HealthFindings[R]> } = {
  paused: {
    status: 'paused',
    sentence: (finding) =>
      `delivery was paused${finding.by ? ` by ${finding.by}` : ''} at ${finding.at.toISOString()}: messages are stored and wait until it resumes` +
      (finding.failing > 0 ? `; ${failingCount(finding.failing)}` : ''),
    fix: () => 'Resume the sink to send the stored messages.',
  },
  source_unreachable: {
    status: 'not_capturing',
    sentence: (finding) => `Shardline cannot connect to the source "${finding.source}": ${finding.title}.`,
    fix: (finding) => `${finding.detail} Then save the source's settings again if they were wrong.`,
  },
  source_not_read: {
    status: 'not_capturing',
    sentence: (finding) =>
      `No changes are read from the source "${finding.source}": its reader stopped at ${finding.at.toISOString()} with the error: ${finding.error}`,
    fix: () =>
      'Fix what the error names (the source database, its settings or the tables); the engine tries again every few seconds on its own.',
  },
  no_engine: {
    status: 'not_capturing',
    sentence: (finding) =>
      finding.what === 'read'
        ? `No engine is reading the source${finding.source ? ` "${finding.source}"` : ''}: ${finding.silentForMs === null ? 'no reader has started since its first sink was created' : `its reader was last seen ${formatSpan(finding.silentForMs)} ago`}, and no error was recorded.`
        : `No engine has checked it ${finding.silentForMs === null ? 'yet' : `for ${formatSpan(finding.silentForMs)}`}, so nothing says it captures or delivers.`,
    fix: () =>
      'Start a Shardline engine (with SHARDLINE_CAPTURE=true on at least one) that reaches this database, and check its log.',
  },
  table_missing: {
    status: 'not_capturing',
    sentence: (finding) =>
      finding.kind === null
        ? `The table ${finding.table} does not exist${finding.database ? ` in database "${finding.database}"` : ''}, so none of its changes can be captured.`
        : `${finding.table} is ${KIND_NAMES[finding.kind] ?? 'not a table'}: only tables can be replicated.`,
    fix: (finding) =>
      finding.kind === null
        ? `Create the table ${finding.table} (names are case-sensitive), or edit the sink to choose the right one. Its changes are captured from the moment it exists.`
        : `Edit the sink to choose a table instead of ${finding.table}.`,
  },
  table_without_key: {
    status: 'not_capturing',
    sentence: (finding) =>
      `The table ${finding.table} has no primary key and the sink names no grouping columns for it, so its messages have no group.`,
    fix: (finding) =>
      `Edit the sink to name grouping columns for ${finding.table}, or add a primary key: ALTER TABLE ${finding.table} ADD PRIMARY KEY (<columns>);`,
  },
  grouping_column_missing: {
    status: 'not_capturing',
    sentence: (finding) =>
      `The table ${finding.table} has no column ${listWords(finding.missing.map((column) => `"${column}"`))}, which the sink groups its messages by.`,
    fix: (finding) =>
      `Edit the sink to group ${finding.table} by its own columns (${listWords(finding.columns)}), or add the missing column to the table.`,
  },
  table_not_published: {
    status: 'not_capturing',
    sentence: (finding) =>
      `The table ${finding.table} is not in the publication "${finding.publication}", so its changes do not reach Shardline` +
      (finding.addError ? `; adding it failed: ${finding.addError}` : '.'),
    fix: (finding) =>
      `As the owner of the publication (or a superuser), run: ALTER PUBLICATION "${finding.publication}" ADD TABLE ${finding.table};`,
  },
  stream_not_found: {
    status: 'failing',
    sentence: streamSentence('the stream does not exist'),
    fix: (finding) =>
      finding.hint ?? 'Create the stream, or correct the stream name, region and account in the ARN.',
  },
  stream_access_denied: {
    status: 'failing',
    sentence: streamSentence('the credentials may not use the stream'),
    fix: (finding) =>
      finding.hint ??
      'Allow kinesis:DescribeStreamSummary and kinesis:PutRecords on the stream for the IAM user or role of these credentials.',
  },
  stream_credentials_invalid: {
    status: 'failing',
    sentence: streamSentence('AWS does not accept the credentials'),
    fix: (finding) =>
      finding.hint ??
      "Edit the sink's access key id and secret access key, and check that the key is active in IAM.",
  },
  stream_unreachable: {
    status: 'failing',
    sentence: streamSentence('nothing answered'),
    fix: (finding) =>
      finding.hint ??
      "Check the sink's endpoint and region, and the network path from the engine to Kinesis (proxy, firewall, VPC endpoint).",
  },
  stream_error: {
    status: 'failing',
    sentence: streamSentence('Kinesis answered with an error'),
    fix: (finding) => finding.hint ?? 'Check the stream ARN, the endpoint and the credentials.',
  },
  messages_failing: {
    status: 'failing',
    sentence: (finding) =>
      `${failingCount(finding.count)}${finding.latestError ? `; the latest error: ${finding.latestError}` : ''}`,
    fix: () =>
      'Fix what the latest error names; the messages are retried on their own. Or open the Failing tab to retry or discard them now.',
  },
  throttled: {
    status: 'throttled',
    sentence: (finding) =>
      `Throttled by Kinesis: sending at ${formatRate(finding.recordsPerSecond)} records/s, the stream's limit` +
      `${shardsAtLimit(finding.shardsAtLimit)}. Messages wait their turn and are sent as fast as the stream takes them; none fails for it.`,
    fix: () =>
      'Add shards to the stream, or switch the stream to on-demand capacity; until then, changes reach it late.',
  },
  source_lagging: {
    status: 'lagging',
    sentence: (finding) =>
      `The reader of the source "${finding.source}" is behind: its slot keeps ${formatBytes(finding.lagBytes)} of WAL not stored yet (more than ${formatBytes(finding.thresholdBytes)}), so changes reach the stream late.`,
    fix: () =>
      "Usually it catches up on its own. If it keeps growing, look at the engine reading it (CPU, the log) and at how fast Shardline's database takes writes.",
  },
  unverified: {
    status: 'unverified',
    sentence: (finding) =>
      `${UNVERIFIED_SUBJECTS[finding.what]} ${finding.edited ? 'not been checked since the settings changed' : 'not been checked yet'}.`,
    fix: () => 'Wait a few seconds: a running engine checks it; if this stays, no engine is running.',
  },
};

const UNVERIFIED_SUBJECTS: Record<HealthFindings['unverified']['what'], string> = {
  stream: 'The stream has',
  tables: 'The tables have',
  source: 'The source has',
  reader: 'The reader is starting and has',
};

/** At most this many shard ids are named; the rest are counted. */
const SHARDS_NAMED = 5;

function shardsAtLimit(shards: readonly string[]): string {
  if (shards.length === 0) return '';
  const named = shards.slice(0, SHARDS_NAMED);
  const rest = shards.length - named.length;
  const list = rest > 0 ? `${named.join(', ')} and ${rest} more` : listWords(named);
  return shards.length === 1 ? `; shard ${list} is at its limit` : `; shards ${list} are at their limit`;
}

function formatRate(recordsPerSecond: number): string {
  return Math.round(recordsPerSecond).toLocaleString('en-US');
}

function failingCount(count: number): string {
  return count === 1 ? '1 message is failing' : `${count.toLocaleString('en-US')} messages are failing`;
}

/** The finding as the API shows it, worded. */
export function describeFinding(finding: HealthFinding): HealthProblem {
  // One entry per code: the cast only tells TypeScript that the entry matches the finding's code.
  const wording = HEALTH_WORDING[finding.code] as ReasonWording<HealthFinding>;
  return {
    code: finding.code,
    sentence: wording.sentence(finding),
    fix: wording.fix(finding),
    table: 'table' in finding ? finding.table : null,
  };
}

/** The state a reason puts a sink in. */
export function statusOfReason(reason: HealthReason): Exclude<SinkHealthStatus, 'healthy'> {
  return HEALTH_WORDING[reason].status;
}
