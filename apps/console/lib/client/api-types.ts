// The JSON shapes of docs/api.md as the browser receives them: times are ISO strings, ids and
// positions are strings. Unions come from the packages so a new state or action is a compile error
// in every mapping of the console.
import type { AttemptTrigger, MessageAction, MessageState } from '@shardline/core';
import type { SslMode } from '@shardline/db';

export type { AttemptTrigger, MessageAction, MessageState, SslMode };

/** What a sink takes from a table; `read` is a backfill's, never chosen by a person. */
export type ChangeAction = Exclude<MessageAction, 'read'>;

export type HealthStatus = 'healthy' | 'failing' | 'paused';

export interface Health {
  status: HealthStatus;
  reason: string | null;
}

export interface SinkTable {
  schema: string;
  name: string;
  actions: ChangeAction[];
  groupColumns: string[];
}

export interface Sink {
  id: string;
  name: string;
  streamArn: string;
  region: string;
  accessKeyId: string | null;
  hasSecretAccessKey: boolean;
  endpoint: string | null;
  backoffCapMs: number;
  maxAttempts: number | null;
  maxRecordSizeBytes: number;
  laneCount: number;
  pausedAt: string | null;
  pausedBy: string | null;
  sourceId: string | null;
  tables: SinkTable[];
  annotations: Record<string, string>;
  health: Health;
  counts: { pending: number; inFlight: number; failing: number };
  createdAt: string;
  updatedAt: string;
}

export interface SinkStats {
  health: Health;
  counts: {
    pending: number;
    inFlight: number;
    failing: number;
    delivered: number;
    discarded: number;
    deliveredLastHour: number;
  };
  oldestFailingAgeMs: number | null;
  throughput: { minute: string; delivered: number; failed: number }[];
}

export type TestConnectionResult =
  | {
      ok: true;
      /** maxRecordSizeBytes is null when the stream does not say (emulators, older regions). */
      stream: { name: string; status: string; shardCount: number; maxRecordSizeBytes: number | null };
    }
  | { ok: false; error: { code: string; message: string; hint: string | null } };

export interface Message {
  id: string;
  sinkId: string;
  group: string;
  lane: number;
  commitLsn: string;
  commitIdx: number;
  tableSchema: string;
  tableName: string;
  action: MessageAction;
  sizeBytes: number;
  state: MessageState;
  deliverCount: number;
  nextAttemptAt: string | null;
  nextAttemptTrigger: AttemptTrigger;
  lastError: { code: string; message: string; at: string } | null;
  createdAt: string;
  /** When the change was committed in the source; null for messages stored without it. */
  commitTimestamp: string | null;
  delivered: { at: string; shardId: string; sequenceNumber: string } | null;
  discarded: { at: string; by: string; reason: string | null } | null;
}

export interface DeliveryAttempt {
  attemptNumber: number;
  trigger: AttemptTrigger;
  errorCode: string;
  errorMessage: string;
  durationMs: number;
  attemptedAt: string;
}

export interface MessageDetail extends Message {
  /** The record's data exactly as it will be sent: a JSON text, or already parsed. */
  payload: unknown;
  /** The change as captured. */
  change: unknown;
  attempts: DeliveryAttempt[];
}

export interface MessageCounts {
  pending: number;
  inFlight: number;
  failing: number;
  delivered: number;
  discarded: number;
  /** States whose filtered count stopped at the cap: "10,000+". */
  capped?: MessageState[];
}

export interface MessageFilter {
  table?: string;
  action?: MessageAction;
  group?: string;
  errorCode?: string;
}

export interface MessagePage {
  messages: Message[];
  nextCursor: string | null;
}

export type BulkAction = 'retry' | 'discard';

export type BulkOperationState = 'queued' | 'running' | 'done' | 'failed';

/** Only waiting messages can be retried or discarded. */
export type WaitingState = Extract<MessageState, 'pending' | 'failing'>;

export interface BulkOperationInput {
  action: BulkAction;
  /** Only messages in this state; every waiting one when left out. Retry is for failing ones. */
  state?: WaitingState;
  filter: MessageFilter;
  /** Kept with a discard. */
  reason?: string;
}

export interface BulkOperation {
  id: string;
  action: BulkAction;
  state: BulkOperationState;
  messageState: WaitingState | null;
  filter: MessageFilter;
  reason: string | null;
  /** Messages the filter matched when the operation was created. */
  total: number;
  /** Changed so far; below total at the end when some were delivered or discarded meanwhile. */
  done: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Source {
  id: string;
  name: string;
  host: string;
  port: number;
  database: string;
  username: string;
  hasPassword: boolean;
  sslMode: SslMode;
  publicationName: string;
  slotName: string;
  confirmedLsn: string | null;
  readerSeenAt: string | null;
  lastErrorMessage: string | null;
  lastErrorAt: string | null;
  createdAt: string;
  updatedAt: string;
}

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
