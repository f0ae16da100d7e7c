import { Counter, Gauge, Histogram, type Registry, register } from 'prom-client';
import { registeredMetric } from './registered-metric';
import { StreamLabels } from './stream-label';

/**
 * The engine's own counters and gauges: what this process did. Incremented once per batch (a
 * request's outcomes, a store of captured changes), never once per message, so they cost
 * nothing measurable on the hot path. docs/observability.md describes each one.
 */
export interface EngineMetrics {
  messagesIngested: Counter<'sink_id'>;
  messagesDelivered: Counter<'sink_id'>;
  /** By stream: a sink with a routing function delivers to several (labels bounded by StreamLabels). */
  messagesDeliveredByStream: Counter<'sink_id' | 'stream'>;
  /** The `stream` label of messagesDeliveredByStream, bounded per sink. */
  streamLabels: StreamLabels;
  messagesFailed: Counter<'sink_id' | 'code'>;
  deliverAttempts: Counter<'sink_id'>;
  throttledRecords: Counter<'sink_id' | 'shard_id'>;
  sendRate: Gauge<'sink_id'>;
  deliveryLatency: Histogram<'sink_id'>;
  replicationLagBytes: Gauge<'source_id'>;
  replicationLagSeconds: Gauge<'source_id'>;
}

/** Stored → acknowledged, from tens of milliseconds (a healthy sink) to an hour (an outage). */
export const DELIVERY_LATENCY_BUCKETS = [
  0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600,
];

/** The engine's metrics on `registry` (prom-client's default one unless told otherwise). */
export function createEngineMetrics(registry: Registry = register): EngineMetrics {
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
    registeredMetric(
      registry,
      Counter,
      name,
      () => new Counter<L>({ name, help, labelNames, registers }),
    ) as Counter<L>;
  const gauge = <L extends string>(name: string, help: string, labelNames: L[]) =>
    registeredMetric(
      registry,
      Gauge,
      name,
      () => new Gauge<L>({ name, help, labelNames, registers }),
    ) as Gauge<L>;

  return {
    messagesIngested: counter(
      'shardline_messages_ingested_total',
      'Messages this process stored for a sink: captured changes and backfilled rows (duplicates and filtered-out changes not counted).',
      ['sink_id'],
    ),
    messagesDelivered: counter(
      'shardline_messages_delivered_total',
      'Messages this process delivered: accepted by Kinesis.',
      ['sink_id'],
    ),
    messagesDeliveredByStream: counter(
      'shardline_messages_delivered_by_stream_total',
      'Messages this process delivered, by the stream that accepted them (its ARN): the sink\'s own, or those its routing function named. A sink\'s first 20 streams in a process have their own series; the rest share `stream="other"`.',
      ['sink_id', 'stream'],
    ),
    streamLabels: new StreamLabels(),
    messagesFailed: counter(
      'shardline_messages_failed_total',
      'Failed delivery attempts in this process, by error code (an AWS error code, RecordTooLarge, transform_failed, or a network error such as ECONNREFUSED).',
      ['sink_id', 'code'],
    ),
    deliverAttempts: counter(
      'shardline_deliver_attempts_total',
      'Delivery attempts in this process, successful or not (delivered plus failed).',
      ['sink_id'],
    ),
    throttledRecords: counter(
      'shardline_throttled_records_total',
      'Records Kinesis throttled in this process (ProvisionedThroughputExceededException and the other throttling answers), by the shard they were sent to (`stream` when the shards could not be listed). Back-pressure, not failures: not counted in shardline_messages_failed_total.',
      ['sink_id', 'shard_id'],
    ),
    sendRate: gauge(
      'shardline_send_rate_records_per_second',
      "Records a second this process may send to the sink's stream now, summed over the stream's shards: the rate learned from Kinesis' throttles, up to a provisioned shard's 1,000 a second (0 for a shard with no known limit yet, as on an on-demand stream).",
      ['sink_id'],
    ),
    deliveryLatency: registeredMetric(
      registry,
      Histogram,
      'shardline_delivery_latency_seconds',
      () =>
        new Histogram<'sink_id'>({
          name: 'shardline_delivery_latency_seconds',
          help: 'Time from a message being stored to Kinesis accepting it, for the messages this process delivered.',
          labelNames: ['sink_id'],
          buckets: DELIVERY_LATENCY_BUCKETS,
          registers,
        }),
    ) as Histogram<'sink_id'>,
    replicationLagBytes: gauge(
      'shardline_replication_lag_bytes',
      "Bytes of the source's WAL not yet stored by its reader (the server's WAL position minus the one acknowledged). Reported by the engine that reads the source.",
      ['source_id'],
    ),
    replicationLagSeconds: gauge(
      'shardline_replication_lag_seconds',
      'Seconds since the commit of the latest transaction the reader took from the slot, while it has changes not yet stored; 0 when caught up. Reported by the engine that reads the source.',
      ['source_id'],
    ),
  };
}
