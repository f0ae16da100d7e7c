/**
 * Issue 17's aggregation run: the sink packs ~400-byte messages into KPL aggregated records on a
 * stream that throttles like a provisioned one. The records/s limit no longer binds, the bytes/s
 * do; and each message costs a small share of a PUT payload unit instead of a whole one.
 */
import type { IncomingMessage } from '@shardline/db';
import { deaggregateWithReference, type LandedRecord } from '@shardline/testing';
import { firstTakes, type TakenRecord, windowRates } from './delivery-windows';
import { fmt } from './format';
import { offerLoad } from './offered-load';
import { keysByShard, ShardTraffic } from './shard-traffic';
import type { SummaryTable } from './summary-table';
import { SHARD_BYTES_RATE, SHARD_RATE, startThrottledRun, throttledPerShard } from './throttled-stream';

export const AGGREGATION_RUN = 'throttled-aggregation';

const SHARDS = 2;
const GROUPS = 10_000;
/** Kinesis bills PUT payload units of 25 KiB of a record (data plus partition key), rounded up per record. */
const PUT_PAYLOAD_UNIT_BYTES = 25 * 1024;
/**
 * Issue 17's target, 2,000 messages/s per shard at a real shard's 1,000 records/s and 1 MiB/s,
 * scaled as the stream's limits are: 500 at 250 records/s and 256 KiB/s.
 */
const TARGET_PER_SHARD = 2_000 * (SHARD_RATE / 1_000);
/** Offered per shard: above the target, and above what the shard's bytes allow (~620 of ~420 bytes). */
const OFFERED_PER_SHARD = 3 * SHARD_RATE;

/** The workload's message without `metadata.consumer`: about 400 bytes, as issue 17's target says. */
function fourHundredBytes(message: IncomingMessage): IncomingMessage {
  const payload = message.payload as { metadata: Record<string, unknown> };
  const { consumer: _, ...metadata } = payload.metadata;
  return { ...message, payload: { ...payload, metadata } };
}

/** PUT payload units a record costs. */
export function putPayloadUnits(recordBytes: number): number {
  return Math.max(1, Math.ceil(recordBytes / PUT_PAYLOAD_UNIT_BYTES));
}

/** Each message inside the records the stream took, read with awslabs' aws-kinesis-agg. */
function messagesTaken(records: readonly LandedRecord[]): TakenRecord[] {
  return records.flatMap((record) =>
    deaggregateWithReference(record.bytes, record.partitionKey).map((message) => ({
      shardId: record.shardId,
      data: message.data.toString('utf8'),
      at: record.at,
    })),
  );
}

/** `seconds` of 3 × SHARD_RATE messages/s per shard, aggregation on; measured until the writer stops. */
export async function runAggregationBenchmark(table: SummaryTable, seconds: number, windowMs: number) {
  const run = await startThrottledRun(SHARDS, { aggregateRecords: true });
  try {
    const { kinesis } = run;
    const shards = kinesis.shards();
    const traffic = new ShardTraffic(keysByShard(shards, GROUPS / SHARDS), [1, 1]);
    const load = await offerLoad(run.delivery.db, run.delivery.sinkId, {
      rate: OFFERED_PER_SHARD * SHARDS,
      seconds,
      nextGroup: () => traffic.next(),
      shape: fourHundredBytes,
    });
    const records = kinesis.records();
    const takes = firstTakes(messagesTaken(records));
    const perShard = shards.map((shard) =>
      windowRates(
        takes.filter((take) => take.shardId === shard.shardId).map((take) => take.at),
        load.startedAt,
        load.endedAt,
        windowMs,
      ),
    );
    const lowest = Math.min(...perShard.flat());
    const bytes = records.map(
      (record) => record.bytes.length + Buffer.byteLength(record.partitionKey, 'utf8'),
    );
    const units = bytes.reduce((sum, size) => sum + putPayloadUnits(size), 0);
    const unitsPerMessage = units / takes.length;
    // Without aggregation each message is a record of its own: one unit (it is under 25 KiB).
    const reduction = 1 / unitsPerMessage;
    const messageBytes = messagesTaken(records.slice(0, 50));
    const meanMessageBytes =
      messageBytes.reduce((sum, message) => sum + Buffer.byteLength(message.data), 0) / messageBytes.length;
    const label = `aggregation: ${SHARDS} shards × ${fmt(SHARD_RATE)} records/s and ${fmt(SHARD_BYTES_RATE / 1024)} KiB/s, ${fmt(load.rate)} msg/s for ${fmt(seconds)} s`;
    table.add({
      run: label,
      measure: `lowest delivered rate of a shard in a ${fmt(windowMs / 1000)} s window`,
      value: lowest,
      unit: 'msg/s',
      target: { kind: 'at least', value: TARGET_PER_SHARD, unit: 'msg/s' },
      compareWith: { name: "a shard's records/s limit", value: SHARD_RATE, unit: 'msg/s', as: 'multiple' },
      peakMiB: await run.enginePeakMiB(),
    });
    table.add({
      run: label,
      measure: 'PUT payload units per message, fewer than without aggregation by',
      value: reduction,
      unit: '×',
      digits: 1,
      target: { kind: 'at least', value: 10, unit: '×' },
    });
    const waiting = load.offered - takes.filter((take) => take.at <= load.endedAt).length;
    table.note(
      `${label} (the target, 2,000 msg/s per shard at a real shard's limits, scaled alike: ${fmt(TARGET_PER_SHARD)}): delivered per shard and ${fmt(windowMs / 1000)} s window ${perShard.map((rates) => rates.map((rate) => fmt(rate)).join(', ')).join(' | ')} msg/s; messages of ${fmt(meanMessageBytes)} bytes on average; ${fmt(records.length)} records taken for ${fmt(takes.length)} messages (${fmt(takes.length / records.length, 1)} a record, ${fmt(bytes.reduce((a, b) => a + b, 0) / records.length / 1024, 1)} KiB on average), ${fmt(units)} PUT payload units, ${fmt(unitsPerMessage, 3)} a message; ${fmt(waiting)} messages still waiting when the writer stopped; throttled records: ${throttledPerShard(kinesis)}.`,
    );
  } finally {
    await run.cleanup();
  }
}
