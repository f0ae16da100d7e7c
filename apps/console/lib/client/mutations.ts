'use client';

// Every command of the console. Each one refreshes the queries whose answers it changes.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './api-fetch';
import type {
  Backfill,
  BackfillCommand,
  BackfillTableInput,
  BulkOperation,
  BulkOperationInput,
  CheckReport,
  CreateStreamResult,
  MessageDetail,
  RoutingTestInput,
  RoutingTestResult,
  SavedSource,
  Sink,
  SinkTable,
  SslMode,
  TestConnectionResult,
} from './api-types';
import { enc, queryKeys } from './queries';

/** What the source form sends: a URL or the fields; `password` left out keeps the stored one. */
export interface SourceInput {
  name: string;
  url?: string | null;
  host?: string | null;
  port?: number | null;
  database?: string | null;
  username?: string | null;
  password?: string | null;
  sslMode?: SslMode | null;
  publicationName?: string | null;
  slotName?: string | null;
}

/** What the sink form sends; a secret left out keeps the stored one, `null` removes it. */
export interface SinkInput {
  name: string;
  sourceId: string | null;
  /** `sendExistingRows` only when creating: a backfill of those tables starts with the sink. */
  tables: Array<SinkTable & { sendExistingRows?: boolean }>;
  streamArn: string;
  accessKeyId: string | null;
  secretAccessKey?: string | null;
  endpoint: string | null;
  backoffCapMs: number;
  maxAttempts: number | null;
  maxRecordSizeBytes: number;
  /** Pack messages into KPL aggregated records; every consumer of the stream must deaggregate. */
  aggregateRecords: boolean;
  /** The transform applied when sending; null: none. */
  transformId: string | null;
  /** `(message) => boolean` run when a change is read; null: keep every message. */
  filterSource: string | null;
  /** `(message) => streamArn` run when a message is sent; null: every message goes to `streamArn`. */
  routingSource: string | null;
}

export interface TestConnectionInput {
  streamArn: string;
  accessKeyId: string | null;
  secretAccessKey?: string | null;
  endpoint: string | null;
  /** Use this saved sink's secret when none is given, and route its recent messages. */
  sinkId?: string;
  /** With `sinkId`: the routing function to check, as typed (left out: the saved one). */
  routingSource?: string | null;
}

/** Checks the form's settings; when editing `sourceId`, an empty password means the saved one. */
export function useCheckSource(sourceId?: string) {
  return useMutation({
    mutationFn: (input: SourceInput) =>
      apiFetch<{ report: CheckReport }>('/sources/check', {
        method: 'POST',
        body: { ...input, tables: [], ...(sourceId ? { sourceId } : {}) },
      }),
  });
}

/**
 * Saving runs the checks first: a 422 `checks_failed` (ApiError with `checks`) saves nothing.
 * `force` saves anyway, the explicit second choice ("Save anyway").
 */
export interface Forced {
  force?: boolean;
}

const forcePath = (path: string, force: boolean | undefined) => (force ? `${path}?force=true` : path);

export function useCreateSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ force, ...input }: SourceInput & Forced) =>
      apiFetch<{ source: SavedSource; report: CheckReport }>(forcePath('/sources', force), {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.sources() }),
  });
}

export function useUpdateSource(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ force, ...input }: Partial<SourceInput> & Forced) =>
      apiFetch<{ source: SavedSource }>(forcePath(`/sources/${enc(id)}`, force), {
        method: 'PATCH',
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.sources() }),
  });
}

export function useDeleteSource(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ deleted: true }>(`/sources/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: queryKeys.source(id) });
      return client.invalidateQueries({ queryKey: queryKeys.sources() });
    },
  });
}

export function useCreateSink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ force, ...input }: SinkInput & Forced) =>
      apiFetch<{ sink: Sink }>(forcePath('/sinks', force), { method: 'POST', body: input }),
    onSuccess: () => invalidateSinksAndTransforms(client),
  });
}

export function useUpdateSink(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ force, ...input }: SinkInput & Forced) =>
      apiFetch<{ sink: Sink }>(forcePath(`/sinks/${enc(id)}`, force), { method: 'PATCH', body: input }),
    onSuccess: () => invalidateSinksAndTransforms(client),
  });
}

export function useDeleteSink(id: string) {
  const client = useQueryClient();
  return useMutation({
    // Sent once the person confirmed in a dialog showing the messages not delivered yet, which the
    // API would otherwise refuse to delete (409).
    mutationFn: () => apiFetch<{ deleted: true }>(`/sinks/${enc(id)}?force=true`, { method: 'DELETE' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: queryKeys.sink(id) });
      return invalidateSinksAndTransforms(client);
    },
  });
}

/** A sink's transform shows on the sink and, as "used by", on the transform. */
function invalidateSinksAndTransforms(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.sinks() }),
    client.invalidateQueries({ queryKey: queryKeys.transforms() }),
  ]);
}

/** Pause or resume: both answer the sink as it now is. */
export function useSetSinkPaused(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (paused: boolean) =>
      apiFetch<{ sink: Sink }>(`/sinks/${enc(id)}/${paused ? 'pause' : 'resume'}`, { method: 'POST' }),
    onSuccess: ({ sink }) => {
      client.setQueryData(queryKeys.sink(id), { sink });
      return client.invalidateQueries({ queryKey: queryKeys.sinks() });
    },
  });
}

export interface CreateStreamInput extends TestConnectionInput {
  capacityMode: 'on-demand' | 'provisioned';
  shardCount?: number;
}

/** Creates the stream the form's ARN names and waits until it is ACTIVE (up to 2 minutes). */
export function useCreateStream() {
  return useMutation({
    mutationFn: (input: CreateStreamInput) =>
      apiFetch<CreateStreamResult>('/sinks/create-stream', { method: 'POST', body: input }),
  });
}

/** Runs a routing function as typed on a sink's messages or a pasted one: nothing is saved or sent. */
export function useTestRouting() {
  return useMutation({
    mutationFn: (input: RoutingTestInput) =>
      apiFetch<{ results: RoutingTestResult[] }>('/sinks/test-routing', { method: 'POST', body: input }),
  });
}

export function useTestConnection() {
  return useMutation({
    mutationFn: (input: TestConnectionInput) =>
      apiFetch<TestConnectionResult>('/sinks/test-connection', { method: 'POST', body: input }),
  });
}

/** A command on one message that takes no body: retry now, or re-send a delivered one. */
function useMessageCommand(sinkId: string, command: 'retry' | 'resend') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      apiFetch<{ message: MessageDetail }>(`/sinks/${enc(sinkId)}/messages/${enc(messageId)}/${command}`, {
        method: 'POST',
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.sink(sinkId) }),
  });
}

export function useRetryMessage(sinkId: string) {
  return useMessageCommand(sinkId, 'retry');
}

/** "Re-send" a delivered message: it waits again and goes as a manual attempt. */
export function useResendMessage(sinkId: string) {
  return useMessageCommand(sinkId, 'resend');
}

export function useDiscardMessage(sinkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, reason }: { messageId: string; reason: string }) =>
      apiFetch<{ message: MessageDetail }>(`/sinks/${enc(sinkId)}/messages/${enc(messageId)}/discard`, {
        method: 'POST',
        body: reason ? { reason } : {},
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.sink(sinkId) }),
  });
}

export function useStartBulkOperation(sinkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkOperationInput) =>
      apiFetch<{ operation: BulkOperation }>(`/sinks/${enc(sinkId)}/bulk-operations`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.bulkOperations(sinkId) }),
  });
}

/** Starts a backfill of some of the sink's tables (all of them when `tables` is left out). */
export function useStartBackfill(sinkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { tables?: BackfillTableInput[] }) =>
      apiFetch<{ backfill: Backfill }>(`/sinks/${enc(sinkId)}/backfills`, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.backfills(sinkId) }),
  });
}

/** Pause, resume or cancel: each answers the backfill as it now is. */
export function useBackfillCommand(sinkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ backfillId, command }: { backfillId: string; command: BackfillCommand }) =>
      apiFetch<{ backfill: Backfill }>(`/sinks/${enc(sinkId)}/backfills/${enc(backfillId)}/${command}`, {
        method: 'POST',
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.backfills(sinkId) }),
  });
}
