/**
 * What a sink can be, from best to the states a person must act on. Ordered by precedence, most
 * urgent first (after `healthy`, which only holds when nothing else does): `paused` comes first
 * because a person chose it, then a sink that captures nothing, one that delivers nothing, one
 * that delivers at the stream's limit (throttled: everything arrives, late, until the stream
 * grows), one whose reader is late, one not checked yet (docs/decisions.md, "Throttled").
 */
export const SINK_HEALTH_STATUSES = [
  'healthy',
  'paused',
  'not_capturing',
  'failing',
  'throttled',
  'lagging',
  'unverified',
] as const;
export type SinkHealthStatus = (typeof SINK_HEALTH_STATUSES)[number];

/** What a source's reader is doing; `idle` is a source no sink takes changes from (not read, by design). */
export const SOURCE_HEALTH_STATUSES = ['reading', 'lagging', 'stopped', 'unverified', 'idle'] as const;
export type SourceHealthStatus = (typeof SOURCE_HEALTH_STATUSES)[number];

/**
 * Why a sink (or source) is not healthy, as a machine-readable code: the API's `reason`, the
 * metrics' `reason` label. In the order a problem is shown within its status, most specific first.
 * Every code has its status, sentence and fix in HEALTH_WORDING.
 */
export const HEALTH_REASONS = [
  'paused',
  'source_unreachable',
  'source_not_read',
  'no_engine',
  'table_missing',
  'table_without_key',
  'grouping_column_missing',
  'table_not_published',
  'stream_not_found',
  'stream_access_denied',
  'stream_credentials_invalid',
  'stream_unreachable',
  'stream_error',
  'messages_failing',
  'throttled',
  'source_lagging',
  'unverified',
] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];

/** A stream check that failed: what Kinesis (or the network) answered. */
export interface StreamFinding {
  /** The stream's name, from its ARN. */
  stream: string;
  /** What Kinesis (or the network) answered: ResourceNotFoundException, ECONNREFUSED… */
  errorCode: string;
  message: string;
  /** What to change, as the connection test words it; null to use the reason's own fix. */
  hint: string | null;
  /** `describe`: DescribeStreamSummary failed; `delivery`: the latest delivery failed so. */
  via: 'describe' | 'delivery';
}

/** What the engines sending to a sink last said about Kinesis throttling it, summed over engines. */
export interface ThrottlingFacts {
  /** What the engines send to the stream now, in records per second: the rate Kinesis takes. */
  recordsPerSecond: number;
  /** The shards that answered with a throttle lately, by id; empty when no engine named one. */
  shardsAtLimit: string[];
  /** Records Kinesis throttled lately, as the engines count them (each over its last 30 s). */
  throttledRecords: number;
  /** Since when it has been throttled, without an engine's report that it cleared in between. */
  since: Date;
}

/** The facts behind each reason, which its sentence and fix are worded from. */
export interface HealthFindings {
  paused: { by: string | null; at: Date; failing: number };
  messages_failing: { count: number; latestError: string | null };
  throttled: ThrottlingFacts;
  stream_not_found: StreamFinding;
  stream_access_denied: StreamFinding;
  stream_credentials_invalid: StreamFinding;
  stream_unreachable: StreamFinding;
  stream_error: StreamFinding;
  /** `kind`: what the name is instead (pg_class.relkind), null when nothing has that name. */
  table_missing: { table: string; database: string | null; kind: string | null };
  table_without_key: { table: string };
  grouping_column_missing: { table: string; missing: string[]; columns: string[] };
  table_not_published: { table: string; publication: string; addError: string | null };
  /** `title` and `detail` as the source checks word a failed connection. */
  source_unreachable: { source: string; title: string; detail: string };
  source_not_read: { source: string; error: string; at: Date };
  /** `silentForMs`: since the reader was last seen (or the check last ran); null: never. */
  no_engine: { source: string | null; what: 'read' | 'checked'; silentForMs: number | null };
  source_lagging: { source: string; lagBytes: number; thresholdBytes: number };
  /** `edited`: it was checked, but before its settings last changed. */
  unverified: { what: 'stream' | 'tables' | 'source' | 'reader'; edited: boolean };
}

/** One reason with its facts. */
export type HealthFinding = {
  [R in HealthReason]: { code: R } & HealthFindings[R];
}[HealthReason];

/** One problem as the API shows it: its code, what is wrong and what to do, and the table it is about. */
export interface HealthProblem {
  code: HealthReason;
  sentence: string;
  fix: string;
  /** `schema.name` for the table reasons; null otherwise. */
  table: string | null;
}
