// The JSON shapes of docs/api.md as the browser receives them. Where the data layer has the type,
// it is taken from there (types only: nothing of the server reaches the browser) and mapped to
// its JSON form, so a field added on the server is known here too.
import type {
  AttemptTrigger,
  HealthProblem,
  HealthReason,
  MessageAction,
  MessageState,
  MessageStateFilter,
  MessageStatus,
  SavedSettingsCheck,
  SinkHealth,
  SinkHealthStatus,
  SourceHealthStatus,
  SourceHealth as StoredSourceHealth,
} from '@shardline/core';
import type {
  AlertKind,
  AlertRecord,
  AlertState,
  AlertThresholdField,
  AuditAction,
  AuditEventRecord,
  AuditTargetType,
  BackfillOutcome,
  BackfillState,
  BulkOperationRecord,
  MessageRecord,
  PublicAlertSettings,
  PublicBackfill,
  PublicSinkThresholds,
  PublicSource,
  PublicTransform,
  SinkSummary,
  SourceSummary,
  SslMode,
  StatsRange,
  DeliveriesByStream as StoredDeliveriesByStream,
  MessageCounts as StoredMessageCounts,
  SinkStats as StoredSinkStats,
  TransformDetail as StoredTransformDetail,
  TransformKind,
} from '@shardline/db';
import type { StreamCreation } from '@shardline/kinesis';
import type { SinkStreamRecords } from '../server/sinks/read-sink-stream';
import type { SinkConnectionTest } from '../server/sinks/test-sink-connection';

export type {
  AlertKind,
  AlertState,
  AttemptTrigger,
  AuditAction,
  AuditTargetType,
  BackfillOutcome,
  BackfillState,
  HealthProblem,
  HealthReason,
  MessageAction,
  MessageState,
  MessageStateFilter,
  MessageStatus,
  SavedSettingsCheck,
  SinkHealthStatus,
  SourceHealthStatus,
  SslMode,
  StatsRange,
  TransformKind,
};

/** A data-layer value as it arrives in JSON: dates and bigints (ids, positions) become strings. */
export type AsJson<T> = T extends Date | bigint
  ? string
  : T extends Array<infer Item>
    ? AsJson<Item>[]
    : T extends object
      ? { [Key in keyof T]: AsJson<T[Key]> }
      : T;

/** What a sink takes from a table; `read` is a backfill's, never chosen by a person. */
export type ChangeAction = Exclude<MessageAction, 'read'>;

/** A sink's health (docs/api.md, "Health"). */
export type Health = AsJson<SinkHealth>;
export type HealthStatus = SinkHealthStatus;
export type SourceHealth = AsJson<StoredSourceHealth>;

export interface SinkTable {
  schema: string;
  name: string;
  actions: ChangeAction[];
  groupColumns: string[];
}

/** Tables keep the console's narrower action type: a person never chooses `read`. */
export type Sink = Omit<AsJson<SinkSummary>, 'tables'> & { tables: SinkTable[] };

export type SinkStats = AsJson<StoredSinkStats>;

/** Messages delivered to each stream of a sink over the activity chart's range. */
export type DeliveriesByStream = AsJson<StoredDeliveriesByStream>;

/**
 * What Test connection answers: the stream, or what failed and what to change; and with routing,
 * each stream the routing function returned for the sink's recent messages.
 */
export type TestConnectionResult = SinkConnectionTest;
export type { RoutedStreamTest } from '../server/sinks/routing/test-routed-streams';

/** What "Create stream" answers: the stream once ACTIVE, or what AWS refused and what to change. */
export type CreateStreamResult = StreamCreation;

export type Message = AsJson<MessageRecord>;

export interface DeliveryAttempt {
  attemptNumber: number;
  trigger: AttemptTrigger;
  /** Delivered attempts are kept only when a person asked for them (manual). */
  outcome: 'delivered' | 'failed' | 'throttled';
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
  attemptedAt: string;
}

export type MessageDetail = Message & {
  /** The record's data exactly as stored: a JSON text, or already parsed. */
  payload: unknown;
  /** The change as captured. */
  change: unknown;
  /** What the sink's current transform makes of the payload (JSON text); null without one. */
  sentPayload: string | null;
  /** Why the sink's current transform fails on this payload; null when it does not, or without one. */
  transformError: string | null;
  attempts: DeliveryAttempt[];
  /** Who retried or discarded it, and when, newest first. */
  auditEvents: AuditEvent[];
};

export type MessageCounts = StoredMessageCounts;

export interface MessageFilter {
  table?: string;
  action?: MessageAction;
  group?: string;
  errorCode?: string;
  /** The row's primary key value (composite keys joined with `:`). */
  key?: string;
  /** Text in the payload. */
  q?: string;
}

export interface MessagePage {
  messages: Message[];
  nextCursor: string | null;
}

export type BulkAction = 'retry' | 'discard' | 'resend';

export type BulkOperationState = 'queued' | 'running' | 'done' | 'failed';

export interface BulkOperationInput {
  action: BulkAction;
  /** Only messages in this state; every one the action applies to when left out. */
  state?: Exclude<MessageStateFilter, 'discarded'>;
  filter: MessageFilter;
  /** Kept with a discard. */
  reason?: string;
}

export type BulkOperation = AsJson<BulkOperationRecord>;

/** A source as listed and shown, with its health. */
export type Source = AsJson<SourceSummary>;
/** A source as an edit answers it: its settings alone. */
export type SavedSource = AsJson<PublicSource>;

export interface SourceEvent {
  id: string;
  sourceId: string;
  level: 'info' | 'warning' | 'error';
  message: string;
  at: string;
}

export type CheckStatus = 'ok' | 'warning' | 'error' | 'skipped';

export interface CheckReport {
  ok: boolean;
  checks: { id: string; status: CheckStatus; title: string; detail: string | null }[];
}

export interface SourceTable {
  schema: string;
  name: string;
  primaryKey: string[];
  replicaIdentity: string | null;
  inPublication: boolean;
  columns: { name: string; type: string; nullable: boolean }[];
}

export type Transform = AsJson<PublicTransform>;

/** A transform with every version it has had, newest first. */
export type TransformDetail = AsJson<StoredTransformDetail>;

export type TransformVersion = TransformDetail['versions'][number];

/** One entry of the audit trail (GET /api/v1/audit). */
export type AuditEvent = AsJson<AuditEventRecord>;

/** Filters of the audit trail; times are ISO 8601, `since` inclusive and `until` exclusive. */
export interface AuditFilter {
  actor?: string;
  action?: AuditAction;
  targetType?: AuditTargetType;
  targetId?: string;
  since?: string;
  until?: string;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** What to run a transform test on: a pasted message, or messages of a sink. */
export interface TransformTestInput {
  definition: { kind: TransformKind; body: string };
  sinkId?: string;
  messageIds?: string[];
  message?: Record<string, unknown>;
  limit?: number;
}

/** What the transform made of one message, or why it failed (POST /transforms/test). */
export type { TransformTestResult } from '../server/transforms/run-transform-test';

/** What a routing function's test runs: the function as typed, on a sink's messages or a pasted one. */
export interface RoutingTestInput {
  routingSource: string;
  sinkId?: string;
  message?: Record<string, unknown>;
}
export type { RoutingTestResult } from '../server/sinks/routing/run-routing-test';

export type Alert = AsJson<AlertRecord>;

export interface AlertFilter {
  state?: AlertState;
  kind?: AlertKind;
  sinkId?: string;
  sourceId?: string;
  /** Opened at or after (ISO 8601). */
  since?: string;
  /** Opened before (ISO 8601). */
  until?: string;
}

export interface AlertPage {
  alerts: Alert[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}
/** The newest records of a sink's stream, or why Kinesis refused the read (GET …/stream-records). */
export type StreamRecords = AsJson<SinkStreamRecords>;
export type StreamRecord = Extract<StreamRecords, { ok: true }>['records'][number];

/** A backfill with its progress (GET /sinks/{id}/backfills). */
export type Backfill = AsJson<PublicBackfill>;

/** The part of a table a backfill reads; both left out: every row. */
export interface BackfillTableInput {
  schema: string;
  name: string;
  /** A boolean SQL expression over the table's columns. */
  where?: string;
  /** Inclusive primary key bounds, values as text in key-column order. */
  keyRange?: { from?: string[]; to?: string[] };
}

export type BackfillCommand = 'pause' | 'resume' | 'cancel';

// --- Alert settings (docs/alerts.md, "Settings") ---------------------------------------------------

export type { AlertThresholdField };
export type SinkThresholdField = Exclude<AlertThresholdField, 'sourceLagBytes' | 'sourceStalledMs'>;
export type AlertSettings = AsJson<PublicAlertSettings>;
export type SinkThresholds = AsJson<PublicSinkThresholds>;

/** What a threshold is: the engine's variable that sets its default, and the range the API accepts. */
export interface ThresholdFieldInfo {
  scope: 'sink' | 'source';
  unit: 'ms' | 'bytes';
  variable: string;
  builtInDefault: number;
  min: number;
  max: number;
}

export interface AlertSettingsAnswer {
  settings: AlertSettings;
  thresholdFields: Record<AlertThresholdField, ThresholdFieldInfo>;
  sinks: SinkThresholds[];
}

/** How a test notification went: the HTTP status the webhook answered, or why it could not be reached. */
export interface TestNotificationResult {
  ok: boolean;
  host: string;
  status: number | null;
  message: string;
}
