import { startNoopKinesis } from '@shardline/testing';
import { captureLatency, captureThroughput } from './capture-run';
import type { CpuShares } from './cpu-usage';
import { fmt } from './format';
import type { SummaryTable } from './summary-table';

const NOOP_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/bench-capture';

/** The `capture-throughput` and `capture-latency` runs, added to the summary table. */
export async function runCaptureBenchmarks(options: {
  runs: Set<string>;
  scale: number;
  table: SummaryTable;
}): Promise<void> {
  const { runs, table } = options;
  // BENCH_CAPTURE_RATE sets the steady run's rows a second (5,000 by default).
  const rate = Number(process.env.BENCH_CAPTURE_RATE ?? 5_000);
  if (!runs.has('capture-throughput') && !runs.has('capture-latency')) return;
  const noop = await startNoopKinesis();
  try {
    if (runs.has('capture-throughput')) {
      const run = await captureThroughput(noop, NOOP_ARN, 200_000 * options.scale);
      const label = `capture: ${fmt(run.rows)} rows as fast as one writer commits → no-op endpoint`;
      table.add({
        run: label,
        measure: 'COMMIT→acknowledged throughput',
        value: run.rate,
        unit: 'msg/s',
        target: { kind: 'at least', value: 15_000, unit: 'msg/s' },
        compareWith: table.ceilings.store,
        peakMiB: run.peakMiB,
      });
      table.note(
        `${label}: all delivered ${fmt(run.seconds, 1)} s after the first commit; written at ${fmt(run.writeRate)} rows/s, stored at ${fmt(run.storeRate)} msg/s; ${fmt(run.messageBytes)}-byte messages; ${cpuLine(run.cpu)}.${run.laneRuns ? ` ${run.laneRuns}` : ''}`,
      );
    }
    if (runs.has('capture-latency')) {
      const run = await captureLatency(noop, NOOP_ARN, rate, 30);
      const label = `capture: steady ${fmt(run.rate)} rows/s for 30 s → no-op endpoint`;
      table.add({
        run: label,
        measure: 'COMMIT→acknowledged p50',
        value: run.p50,
        unit: 'ms',
        target: { kind: 'at most', value: 40, unit: 'ms' },
        compareWith: table.ceilings.latencyFloor,
        peakMiB: run.peakMiB,
      });
      table.add({
        run: label,
        measure: 'COMMIT→acknowledged p99',
        value: run.p99,
        unit: 'ms',
        target: { kind: 'at most', value: 150, unit: 'ms' },
        compareWith: table.ceilings.latencyFloor,
      });
      table.note(
        `${label}: max ${fmt(run.max)} ms; COMMIT→stored p50 ${fmt(run.toStore.p50)} / p99 ${fmt(run.toStore.p99)} ms, stored→acknowledged p50 ${fmt(run.storeToAck.p50)} / p99 ${fmt(run.storeToAck.p99)} ms; ${cpuLine(run.cpu)}.${run.laneRuns ? ` ${run.laneRuns}` : ''}`,
      );
    }
  } finally {
    await noop.stop();
  }
}

function cpuLine(cpu: CpuShares): string {
  const parts = cpu.postgresParts;
  const postgres = parts
    ? `Postgres ${fmt(cpu.postgres, 2)} (decoding the WAL ${fmt(parts.walDecoding, 2)}, the writer's updates ${fmt(parts.sourceWrites, 2)}, Shardline's database ${fmt(parts.shardline, 2)}, background ${fmt(parts.background, 2)})`
    : `Postgres ${fmt(cpu.postgres, 2)}`;
  return `cores used during the run: engine ${fmt(cpu.engine, 2)}, ${postgres}, writer and no-op endpoint ${fmt(cpu.bench, 2)}, other processes ${fmt(cpu.other, 2)}`;
}
