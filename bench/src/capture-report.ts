import { startNoopKinesis } from '@shardline/testing';
import { captureLatency, captureThroughput } from './capture-run';
import type { CpuShares } from './cpu-usage';
import { fmt } from './format';

const NOOP_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/bench-capture';

/** The `capture-throughput` and `capture-latency` runs, as a Markdown table of their own. */
export async function runCaptureBenchmarks(options: {
  runs: Set<string>;
  scale: number;
  say: (line: string) => void;
}): Promise<void> {
  const { runs, say } = options;
  // BENCH_CAPTURE_RATE sets the steady run's rows a second (5,000 by default).
  const rate = Number(process.env.BENCH_CAPTURE_RATE ?? 5_000);
  if (!runs.has('capture-throughput') && !runs.has('capture-latency')) return;
  const noop = await startNoopKinesis();
  try {
    say('');
    say('| change capture run | rows | result | engine peak RSS |');
    say('| --- | ---: | --- | ---: |');
    if (runs.has('capture-throughput')) {
      const run = await captureThroughput(noop, NOOP_ARN, 200_000 * options.scale);
      say(
        `| source writes as fast as one writer can → no-op endpoint | ${fmt(run.rows)} | **${fmt(run.rate)} msg/s** COMMIT→acknowledged (all delivered ${fmt(run.seconds, 1)} s after the first commit; written at ${fmt(run.writeRate)} rows/s, stored at ${fmt(run.storeRate)} msg/s; ${fmt(run.messageBytes)}-byte messages) | ${fmt(run.peakMiB)} MiB |`,
      );
      say(`  ${cpuLine(run.cpu)}`);
      if (run.laneRuns) say(`  ${run.laneRuns}`);
    }
    if (runs.has('capture-latency')) {
      const run = await captureLatency(noop, NOOP_ARN, rate, 30);
      say(
        `| steady ${fmt(run.rate)} rows/s → no-op endpoint | ${fmt(run.rows)} | COMMIT→acknowledged p50 **${fmt(run.p50)} ms**, p99 **${fmt(run.p99)} ms**, max ${fmt(run.max)} ms (COMMIT→store p50 ${fmt(run.toStore.p50)} / p99 ${fmt(run.toStore.p99)} ms; store→acknowledged p50 ${fmt(run.storeToAck.p50)} / p99 ${fmt(run.storeToAck.p99)} ms) | ${fmt(run.peakMiB)} MiB |`,
      );
      say(`  ${cpuLine(run.cpu)}`);
      if (run.laneRuns) say(`  ${run.laneRuns}`);
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
