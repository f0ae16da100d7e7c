/**
 * Issue 17's runs: the engine against a stream that throttles like a provisioned one. Over
 * capacity (a backlog builds, then drains), at 80 % of capacity (latency), and with one hot
 * shard (the others must keep their rate). The capacity and the rates offered are the
 * simulated stream's, so these results compare across machines as long as the machine is far
 * from its own ceilings (each run's notes say how far).
 */
import { AGGREGATION_RUN, runAggregationBenchmark } from './aggregation-run';
import { relativeFigure } from './ceilings';
import { firstTakes, windowRates } from './delivery-windows';
import { fmt } from './format';
import { offerLoad } from './offered-load';
import { percentile } from './percentile';
import { keysByShard, ShardTraffic } from './shard-traffic';
import type { SummaryTable } from './summary-table';
import {
  capacityCeiling,
  SHARD_RATE,
  startThrottledRun,
  storedToAcknowledgedMs,
  throttledPerShard,
  waitForDelivery,
} from './throttled-stream';

export const THROTTLED_RUNS = [
  'throttled-over-capacity',
  'throttled-latency',
  'throttled-hot-shard',
  AGGREGATION_RUN,
];

/** The workload's 10,000 groups, split evenly between the shards. */
const GROUPS = 10_000;
/** How long after the writer stops the over-capacity run waits for the drain, in backlog / capacity. */
const DRAIN_DEADLINE_MULTIPLE = 3;
/** ... and at least this long, should the engine have kept up (no backlog to speak of). */
const DRAIN_DEADLINE_MIN_MS = 5_000;

interface Options {
  runs: Set<string>;
  scale: number;
  table: SummaryTable;
}

export async function runThrottledBenchmarks(options: Options): Promise<void> {
  // 60 s of load in 10 s windows; BENCH_SCALE shortens both (windows no shorter than 2 s).
  const seconds = 60 * options.scale;
  const windowMs = Math.max(2_000, 10_000 * options.scale);
  if (options.runs.has('throttled-over-capacity')) await overCapacity(options.table, seconds, windowMs);
  if (options.runs.has('throttled-latency')) await atEightyPercent(options.table, seconds);
  if (options.runs.has('throttled-hot-shard')) await hotShard(options.table, seconds, windowMs);
  if (options.runs.has(AGGREGATION_RUN)) await runAggregationBenchmark(options.table, seconds, windowMs);
}

/** 150 % of a 2-shard stream's capacity for `seconds`, then nothing until the backlog is gone. */
async function overCapacity(table: SummaryTable, seconds: number, windowMs: number): Promise<void> {
  const run = await startThrottledRun(2);
  try {
    const { kinesis, capacity } = run;
    const traffic = new ShardTraffic(keysByShard(kinesis.shards(), GROUPS / 2), [1, 1]);
    const load = await offerLoad(run.delivery.db, run.delivery.sinkId, {
      rate: 1.5 * capacity,
      seconds,
      nextGroup: () => traffic.next(),
    });
    const backlog =
      load.offered - firstTakes(kinesis.records()).filter((take) => take.at <= load.endedAt).length;
    const idealSeconds = backlog / capacity;
    const deadline =
      load.endedAt + Math.max(DRAIN_DEADLINE_MULTIPLE * idealSeconds * 1000, DRAIN_DEADLINE_MIN_MS);
    const drained = await waitForDelivery(run, load.offered, deadline);
    const records = kinesis.records();
    const takes = firstTakes(records);
    const lastAt = drained ? takes.reduce((last, take) => Math.max(last, take.at), 0) : deadline;
    const rates = windowRates(
      takes.map((take) => take.at),
      load.startedAt,
      lastAt,
      windowMs,
    );
    const label = `throttled: 2 shards × ${fmt(SHARD_RATE)} records/s, ${fmt(load.rate)} msg/s (150 %) for ${fmt(seconds)} s, then stopped`;
    const streamCapacity = capacityCeiling("the stream's capacity", capacity);
    table.add({
      run: label,
      measure: `lowest delivered rate in a ${fmt(windowMs / 1000)} s window with a backlog`,
      value: rates.length > 0 ? Math.min(...rates) : Number.NaN,
      unit: 'msg/s',
      target: { kind: 'at least', value: 0.9 * capacity, unit: 'msg/s' },
      compareWith: streamCapacity,
      peakMiB: await run.enginePeakMiB(),
    });
    table.add({
      run: label,
      measure: `drain time of the backlog of ${fmt(backlog)} once stopped`,
      value: ((drained ? lastAt : deadline) - load.endedAt) / 1000,
      unit: 's',
      digits: 1,
      lowerBound: !drained,
      target: { kind: 'at most', value: 1.15 * idealSeconds, unit: 's', digits: 1 },
      compareWith: { name: 'backlog / capacity', value: idealSeconds, unit: 's', as: 'multiple' },
    });
    const left = drained
      ? ''
      : ` Not drained ${fmt((deadline - load.endedAt) / 1000, 1)} s after the stop, when the run gave up: ${fmt(load.offered - takes.length)} messages still waiting.`;
    table.note(
      `${label}: delivered per ${fmt(windowMs / 1000)} s window from the start ${rates.map((rate) => fmt(rate)).join(', ')} msg/s (the writer stopped at ${fmt((load.endedAt - load.startedAt) / 1000, 1)} s); ${fmt(load.offered)} offered, repeated takes of a message ${fmt(records.length - takes.length)}; throttled records: ${throttledPerShard(kinesis)}; against this machine, the stream's capacity is ${relativeFigure(capacity, table.ceilings.store)}.${left}`,
    );
  } finally {
    await run.cleanup();
  }
}

/** 80 % of a 2-shard stream's capacity for `seconds`: stored → acknowledged latency. */
async function atEightyPercent(table: SummaryTable, seconds: number): Promise<void> {
  const run = await startThrottledRun(2);
  try {
    const { kinesis, capacity } = run;
    const traffic = new ShardTraffic(keysByShard(kinesis.shards(), GROUPS / 2), [1, 1]);
    const load = await offerLoad(run.delivery.db, run.delivery.sinkId, {
      rate: 0.8 * capacity,
      seconds,
      nextGroup: () => traffic.next(),
    });
    // A minute is far beyond the target: what is not delivered by then counts as that late.
    const deadline = load.endedAt + 60_000;
    await waitForDelivery(run, load.offered, deadline);
    const { latencies, notDelivered } = await storedToAcknowledgedMs(
      run.delivery.db,
      run.delivery.sinkId,
      new Date(),
    );
    const p99 = percentile(latencies, 0.99);
    const label = `throttled: 2 shards × ${fmt(SHARD_RATE)} records/s, ${fmt(load.rate)} msg/s (80 %) for ${fmt(seconds)} s`;
    table.add({
      run: label,
      measure: 'stored→acknowledged p99',
      value: p99,
      unit: 'ms',
      // An undelivered message's latency is more than counted, so the percentile is too.
      lowerBound: notDelivered > 0,
      target: { kind: 'at most', value: 1_000, unit: 'ms' },
      compareWith: table.ceilings.latencyFloor,
      peakMiB: await run.enginePeakMiB(),
    });
    table.note(
      `${label}: stored→acknowledged p50 ${fmt(percentile(latencies, 0.5))} ms, max ${fmt(latencies.at(-1) ?? Number.NaN)} ms${notDelivered > 0 ? ` (${fmt(notDelivered)} not delivered a minute after the writer stopped, counted as delivered then)` : ''}; throttled records: ${throttledPerShard(kinesis)}.`,
    );
  } finally {
    await run.cleanup();
  }
}

/**
 * A 4-shard stream, half the messages on one shard: the other three are offered their capacity
 * (the hot one three times its own) for `seconds`; the other shards must deliver at that rate.
 */
async function hotShard(table: SummaryTable, seconds: number, windowMs: number): Promise<void> {
  const run = await startThrottledRun(4);
  try {
    const { kinesis } = run;
    const shards = kinesis.shards();
    const hotShardId = shards[0]?.shardId;
    const traffic = new ShardTraffic(keysByShard(shards, GROUPS / 4), [3, 1, 1, 1]);
    const load = await offerLoad(run.delivery.db, run.delivery.sinkId, {
      rate: 6 * SHARD_RATE,
      seconds,
      nextGroup: () => traffic.next(),
    });
    const takes = firstTakes(kinesis.records());
    const coldCapacity = 3 * SHARD_RATE;
    const during = (shardIs: (id: string) => boolean) =>
      windowRates(
        takes.filter((take) => shardIs(take.shardId)).map((take) => take.at),
        load.startedAt,
        load.endedAt,
        windowMs,
      );
    const cold = during((id) => id !== hotShardId);
    const hot = during((id) => id === hotShardId);
    const coldOffered = load.offered - (traffic.offeredPerShard()[0] ?? 0);
    const coldTaken = takes.filter((take) => take.shardId !== hotShardId && take.at <= load.endedAt).length;
    const label = `throttled: 4 shards × ${fmt(SHARD_RATE)} records/s, ${fmt(load.rate)} msg/s for ${fmt(seconds)} s, half of it on one shard`;
    table.add({
      run: label,
      measure: `the other 3 shards' lowest delivered rate in a ${fmt(windowMs / 1000)} s window`,
      value: cold.length > 0 ? Math.min(...cold) : Number.NaN,
      unit: 'msg/s',
      target: { kind: 'at least', value: 0.9 * coldCapacity, unit: 'msg/s' },
      compareWith: capacityCeiling('their capacity', coldCapacity),
      peakMiB: await run.enginePeakMiB(),
    });
    table.note(
      `${label}: the other shards were offered ${fmt(coldCapacity)} msg/s (their capacity) and took ${cold.map((rate) => fmt(rate)).join(', ')} msg/s per window, ${fmt(coldOffered - coldTaken)} of theirs still waiting when the writer stopped; the hot shard (offered ${fmt(3 * SHARD_RATE)} msg/s, 300 % of its capacity) took ${hot.map((rate) => fmt(rate)).join(', ')}; throttled records: ${throttledPerShard(kinesis)}.`,
    );
  } finally {
    await run.cleanup();
  }
}
