'use client';

// Every query of the console: its key, its fetcher and its hook. Components call these hooks and
// never `fetch` themselves, so a key is spelled once and invalidation can rely on its prefixes.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiFetch, withQuery } from './api-fetch';
import type {
  AlertFilter,
  AlertPage,
  AlertSettingsAnswer,
  AuditFilter,
  AuditPage,
  Backfill,
  BulkOperation,
  CheckReport,
  DeliveriesByStream,
  MessageCounts,
  MessageDetail,
  MessageFilter,
  MessagePage,
  MessageState,
  Sink,
  SinkStats,
  Source,
  SourceEvent,
  SourceTable,
  StatsRange,
  StreamRecords,
  Transform,
  TransformDetail,
} from './api-types';
import { stateFilterOf } from './message-status';

/** How often live views ask again. */
export const LIVE_INTERVAL_MS = 3_000;
const MESSAGE_PAGE_SIZE = 50;
const AUDIT_PAGE_SIZE = 50;
const ALERT_PAGE_SIZE = 50;
/** Open alerts are few (one per kind and sink or source): one page holds them all. */
const ACTIVE_ALERTS_LIMIT = 200;
/** Engines evaluate every 15 s by default (SHARDLINE_ALERT_INTERVAL_MS): asking more often would show nothing new. */
const ALERTS_INTERVAL_MS = 10_000;
/**
 * While a banner shows open alerts, ask this often, so an alert resolved by an evaluation goes
 * within a few seconds of it rather than up to ALERTS_INTERVAL_MS later: a person who just fixed
 * the cause is watching that banner.
 */
const SHOWN_ALERTS_INTERVAL_MS = 2_000;
const STREAM_RECORDS_SHOWN = 50;

export const queryKeys = {
  sources: () => ['sources'] as const,
  source: (id: string) => ['sources', id] as const,
  sourceTables: (id: string) => ['sources', id, 'tables'] as const,
  sourceChecks: (id: string) => ['sources', id, 'checks'] as const,
  sinks: () => ['sinks'] as const,
  sink: (id: string) => ['sinks', id] as const,
  sinkStats: (id: string, range: StatsRange) => ['sinks', id, 'stats', range] as const,
  sinkStreams: (id: string, range: StatsRange) => ['sinks', id, 'streams', range] as const,
  messages: (sinkId: string, state: MessageState, filter: MessageFilter) =>
    ['sinks', sinkId, 'messages', state, filter] as const,
  messageCounts: (sinkId: string, filter: MessageFilter) => ['sinks', sinkId, 'counts', filter] as const,
  message: (sinkId: string, messageId: string) => ['sinks', sinkId, 'message', messageId] as const,
  bulkOperation: (sinkId: string, operationId: string) => ['sinks', sinkId, 'bulk', operationId] as const,
  bulkOperations: (sinkId: string) => ['sinks', sinkId, 'bulk-operations'] as const,
  backfills: (sinkId: string) => ['sinks', sinkId, 'backfills'] as const,
  // Outside the sink's prefix: invalidating a sink after a retry must not read Kinesis again.
  streamRecords: (sinkId: string) => ['stream-records', sinkId] as const,
  transforms: () => ['transforms'] as const,
  transform: (id: string) => ['transforms', id] as const,
  audit: (filter: AuditFilter) => ['audit', filter] as const,
  alerts: (filter: AlertFilter) => ['alerts', filter] as const,
  activeAlerts: (sinkId: string | null) => ['alerts', 'active', sinkId] as const,
  alertSettings: () => ['alert-settings'] as const,
};

export const fetchers = {
  sources: () => apiFetch<{ sources: Source[] }>('/sources'),
  source: (id: string) => apiFetch<{ source: Source; events: SourceEvent[] }>(`/sources/${enc(id)}`),
  sourceTables: (id: string) => apiFetch<{ tables: SourceTable[] }>(`/sources/${enc(id)}/tables`),
  sourceChecks: (id: string) => apiFetch<{ report: CheckReport }>(`/sources/${enc(id)}/checks`),
  sinks: () => apiFetch<{ sinks: Sink[] }>('/sinks'),
  sink: (id: string) => apiFetch<{ sink: Sink }>(`/sinks/${enc(id)}`),
  sinkStats: (id: string, range: StatsRange) =>
    apiFetch<SinkStats>(withQuery(`/sinks/${enc(id)}/stats`, { range })),
  sinkStreams: (id: string, range: StatsRange) =>
    apiFetch<DeliveriesByStream>(withQuery(`/sinks/${enc(id)}/streams`, { range })),
  messages: (sinkId: string, state: MessageState, filter: MessageFilter, after: string | undefined) =>
    apiFetch<MessagePage>(
      withQuery(`/sinks/${enc(sinkId)}/messages`, {
        state: stateFilterOf(state),
        ...filter,
        after,
        limit: MESSAGE_PAGE_SIZE,
      }),
    ),
  messageCounts: (sinkId: string, filter: MessageFilter) =>
    apiFetch<{ counts: MessageCounts }>(withQuery(`/sinks/${enc(sinkId)}/messages/counts`, { ...filter })),
  message: (sinkId: string, messageId: string) =>
    apiFetch<{ message: MessageDetail }>(`/sinks/${enc(sinkId)}/messages/${enc(messageId)}`),
  bulkOperation: (sinkId: string, operationId: string) =>
    apiFetch<{ operation: BulkOperation }>(`/sinks/${enc(sinkId)}/bulk-operations/${enc(operationId)}`),
  bulkOperations: (sinkId: string) =>
    apiFetch<{ operations: BulkOperation[] }>(`/sinks/${enc(sinkId)}/bulk-operations`),
  backfills: (sinkId: string) => apiFetch<{ backfills: Backfill[] }>(`/sinks/${enc(sinkId)}/backfills`),
  streamRecords: (sinkId: string) =>
    apiFetch<StreamRecords>(
      withQuery(`/sinks/${enc(sinkId)}/stream-records`, { limit: STREAM_RECORDS_SHOWN }),
    ),
  transforms: () => apiFetch<{ transforms: Transform[] }>('/transforms'),
  transform: (id: string) => apiFetch<{ transform: TransformDetail }>(`/transforms/${enc(id)}`),
  audit: (filter: AuditFilter, before: string | undefined) =>
    apiFetch<AuditPage>(withQuery('/audit', { ...filter, before, limit: AUDIT_PAGE_SIZE })),
  alerts: (filter: AlertFilter, before: string | undefined) =>
    apiFetch<AlertPage>(withQuery('/alerts', { ...filter, before, limit: ALERT_PAGE_SIZE })),
  activeAlerts: (sinkId: string | null) =>
    apiFetch<AlertPage>(
      withQuery('/alerts', { state: 'active', sinkId: sinkId ?? undefined, limit: ACTIVE_ALERTS_LIMIT }),
    ),
  alertSettings: () => apiFetch<AlertSettingsAnswer>('/alerts/settings'),
};

export function enc(segment: string): string {
  return encodeURIComponent(segment);
}

export function useSources() {
  return useQuery({ queryKey: queryKeys.sources(), queryFn: fetchers.sources, refetchInterval: 5_000 });
}

export function useSource(id: string) {
  return useQuery({
    queryKey: queryKeys.source(id),
    queryFn: () => fetchers.source(id),
    // Its health changes as the engines check it every few seconds.
    refetchInterval: 5_000,
  });
}

export function useSourceTables(id: string | null) {
  return useQuery({
    queryKey: queryKeys.sourceTables(id ?? ''),
    queryFn: () => fetchers.sourceTables(id ?? ''),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

/** The checks connect to the source database: run once per visit, and again on request. */
export function useSourceChecks(id: string) {
  return useQuery({
    queryKey: queryKeys.sourceChecks(id),
    queryFn: () => fetchers.sourceChecks(id),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useSinks() {
  return useQuery({ queryKey: queryKeys.sinks(), queryFn: fetchers.sinks, refetchInterval: 5_000 });
}

export function useSink(id: string, live = false) {
  return useQuery({
    queryKey: queryKeys.sink(id),
    queryFn: () => fetchers.sink(id),
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
  });
}

/** The counters and `range` of activity; the last range's answer stays shown while a new one loads. */
export function useSinkStats(id: string, live: boolean, range: StatsRange = '1h') {
  return useQuery({
    queryKey: queryKeys.sinkStats(id, range),
    queryFn: () => fetchers.sinkStats(id, range),
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
    placeholderData: keepPreviousData,
  });
}

/** Deliveries per stream over the chart's range: a routed sink writes to several streams. */
export function useSinkStreams(id: string, live: boolean, range: StatsRange) {
  return useQuery({
    queryKey: queryKeys.sinkStreams(id, range),
    queryFn: () => fetchers.sinkStreams(id, range),
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
    placeholderData: keepPreviousData,
  });
}

export function useMessages(sinkId: string, state: MessageState, filter: MessageFilter, live: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.messages(sinkId, state, filter),
    queryFn: ({ pageParam }) => fetchers.messages(sinkId, state, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
  });
}

export function useMessageCounts(sinkId: string, filter: MessageFilter, live: boolean) {
  return useQuery({
    queryKey: queryKeys.messageCounts(sinkId, filter),
    queryFn: () => fetchers.messageCounts(sinkId, filter),
    refetchInterval: live ? LIVE_INTERVAL_MS : false,
    placeholderData: keepPreviousData,
  });
}

/** While an attempt a person asked for (retry, re-send) has no outcome yet: follow it closely. */
const FOLLOWED_ATTEMPT_INTERVAL_MS = 1_000;

/**
 * A message's detail, refreshed while live; every second (whether live or not) while `following`
 * says an attempt a person asked for has no outcome yet, so it shows as soon as the engine records it.
 */
export function useMessage(
  sinkId: string,
  messageId: string | null,
  live: boolean,
  following: (message: MessageDetail) => boolean = () => false,
) {
  return useQuery({
    queryKey: queryKeys.message(sinkId, messageId ?? ''),
    queryFn: () => fetchers.message(sinkId, messageId ?? ''),
    enabled: messageId !== null,
    refetchInterval: (query) => {
      const message = query.state.data?.message;
      if (message && following(message)) return FOLLOWED_ATTEMPT_INTERVAL_MS;
      return live ? LIVE_INTERVAL_MS : false;
    },
  });
}

/**
 * Reads the sink's stream back once per visit and again on request: never on a timer, as every
 * read takes from the shards' 5 reads a second that the stream's real consumers share.
 */
export function useStreamRecords(sinkId: string) {
  return useQuery({
    queryKey: queryKeys.streamRecords(sinkId),
    queryFn: () => fetchers.streamRecords(sinkId),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useTransforms() {
  return useQuery({ queryKey: queryKeys.transforms(), queryFn: fetchers.transforms });
}

export function useTransform(id: string) {
  return useQuery({ queryKey: queryKeys.transform(id), queryFn: () => fetchers.transform(id) });
}

/** The audit trail for the filter, newest first, a keyset page at a time. */
export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(filter),
    queryFn: ({ pageParam }) => fetchers.audit(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Alerts the filter matches, newest first, a keyset page at a time; refreshed while shown. */
export function useAlerts(filter: AlertFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.alerts(filter),
    queryFn: ({ pageParam }) => fetchers.alerts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: ALERTS_INTERVAL_MS,
  });
}

/**
 * The open alerts, every one or a sink's: for the nav's count and the sink page's banner. With
 * `shown`, they are asked for every 2 s while there are any, so a resolved one leaves quickly.
 */
export function useActiveAlerts(sinkId: string | null = null, enabled = true, shown = false) {
  return useQuery({
    queryKey: queryKeys.activeAlerts(sinkId),
    queryFn: () => fetchers.activeAlerts(sinkId),
    refetchInterval: (query) =>
      shown && (query.state.data?.alerts.length ?? 0) > 0 ? SHOWN_ALERTS_INTERVAL_MS : ALERTS_INTERVAL_MS,
    enabled,
  });
}

/** The alert settings made in the console: the webhook (set or not, its host) and the thresholds. */
export function useAlertSettings() {
  return useQuery({ queryKey: queryKeys.alertSettings(), queryFn: fetchers.alertSettings });
}

/** Polls a bulk operation until it has finished. */
export function useBulkOperation(sinkId: string, operationId: string | null) {
  return useQuery({
    queryKey: queryKeys.bulkOperation(sinkId, operationId ?? ''),
    queryFn: () => fetchers.bulkOperation(sinkId, operationId ?? ''),
    enabled: operationId !== null,
    refetchInterval: (query) => (isFinished(query.state.data?.operation) ? false : 1_000),
  });
}

/** The sink's recent bulk operations, followed closely while one is queued or running. */
export function useBulkOperations(sinkId: string) {
  return useQuery({
    queryKey: queryKeys.bulkOperations(sinkId),
    queryFn: () => fetchers.bulkOperations(sinkId),
    refetchInterval: (query) =>
      query.state.data?.operations.some((operation) => !isFinished(operation)) ? 1_000 : 15_000,
  });
}

export function isFinished(operation: BulkOperation | undefined): boolean {
  if (!operation) return false;
  return (
    operation.finishedAt !== null || ['done', 'succeeded', 'completed', 'failed'].includes(operation.state)
  );
}

/** A running backfill moves every page: its progress is asked for this often while one runs. */
const BACKFILL_RUNNING_INTERVAL_MS = 1_000;
/** Otherwise now and then, to see one started elsewhere (the API, another person). */
const BACKFILL_IDLE_INTERVAL_MS = 10_000;

/** A sink's backfills, newest first; refreshed every second while one is running. */
export function useBackfills(sinkId: string) {
  return useQuery({
    queryKey: queryKeys.backfills(sinkId),
    queryFn: () => fetchers.backfills(sinkId),
    refetchInterval: (query) =>
      query.state.data?.backfills.some((backfill) => backfill.state === 'running')
        ? BACKFILL_RUNNING_INTERVAL_MS
        : BACKFILL_IDLE_INTERVAL_MS,
  });
}
