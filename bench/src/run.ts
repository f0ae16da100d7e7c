/**
 * `npm run bench`: first this machine's ceilings (measure-machine.ts), then the delivery engine
 * alone, as a real process, against Postgres and Redis on this machine and a no-op Kinesis
 * endpoint (then the kinesis-local emulator, then a stream that throttles: throttled-runs.ts);
 * then change capture end to end (capture-run.ts). Prints a Markdown report, each result beside
 * the ceiling it is compared with; docs/benchmarks.md keeps the latest one.
 */
import os from 'node:os';
import { appendMessages, type Database } from '@shardline/db';
import {
  createTestStream,
  prepareTemplateDatabase,
  startKinesisEmulator,
  startNoopKinesis,
} from '@shardline/testing';
import { runCaptureBenchmarks } from './capture-report';
import { deriveCeilings, describeCeilings } from './ceilings';
import { runConsoleQueryBenchmarks } from './console-queries';
import { type BenchTransform, setupDelivery, undelivered } from './delivery-setup';
import { residentMemoryMiB } from './engine-memory';
import { fmt } from './format';
import { measureMachine } from './measure-machine';
import { SummaryTable } from './summary-table';
import { runThrottledBenchmarks, THROTTLED_RUNS } from './throttled-runs';
import { makeWorkload } from './workload';

const scale = Number(process.env.BENCH_SCALE ?? 1);
// BENCH_RUNS picks runs (a comma-separated list of these names; all by default).
const ALL_RUNS = [
  'throughput',
  'transform',
  'latency',
  'backlog',
  'emulator',
  ...THROTTLED_RUNS,
  'capture-throughput',
  'capture-latency',
  'console-queries',
].join(',');

/** The transforms of the `transform` run: a function dropping a column, and a path. */
const SIMPLE_TRANSFORMS: BenchTransform[] = [
  {
    label: 'a code transform (drops a column)',
    kind: 'code',
    body: `(message) => {
  const { currency, ...record } = message.record;
  return { ...message, record };
}`,
  },
  { label: 'a path transform (`record`)', kind: 'path', body: 'record' },
];
const runs = new Set((process.env.BENCH_RUNS ?? ALL_RUNS).split(','));

async function store(
  db: Database,
  sinkId: string,
  count: number,
  groups: number,
  firstLsn = 1_000,
): Promise<number> {
  const startedAt = performance.now();
  const batch = 5_000;
  for (let done = 0; done < count; done += batch) {
    const messages = makeWorkload({
      count: Math.min(batch, count - done),
      groups,
      firstLsn: firstLsn + done * 16,
    });
    await appendMessages(db, { sinkId, messages });
  }
  return count / ((performance.now() - startedAt) / 1000);
}

/**
 * Starts the engine on a stored backlog and measures how fast it drains, and its memory.
 * `acknowledged` counts records the endpoint accepted (free to read for the no-op endpoint);
 * without it the database is asked, once a second, so polling does not slow the run.
 */
async function drain(
  endpoint: string,
  streamArn: string,
  count: number,
  groups: number,
  acknowledged?: () => number,
  benchTransform?: BenchTransform,
) {
  const run = await setupDelivery(endpoint, streamArn, benchTransform);
  try {
    const storeRate = await store(run.db, run.sinkId, count, groups);
    await run.db.pool.query('VACUUM ANALYZE message');
    const before = acknowledged?.() ?? 0;
    await run.engine.start();
    const startedAt = Date.now();
    let peakMiB = 0;
    for (;;) {
      peakMiB = Math.max(peakMiB, (await residentMemoryMiB(run.engine.pid ?? 0)).peak);
      const done = acknowledged
        ? acknowledged() - before >= count
        : (await undelivered(run.db, run.sinkId)) === 0;
      if (done && (await undelivered(run.db, run.sinkId)) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, acknowledged ? 100 : 1_000));
    }
    const last = await run.db.pool.query<{ at: Date }>(
      'SELECT max(delivered_at) AS at FROM message WHERE sink_id = $1',
      [run.sinkId],
    );
    const seconds = ((last.rows[0]?.at.getTime() ?? Date.now()) - startedAt) / 1000;
    return { count, storeRate, seconds, rate: count / seconds, peakMiB };
  } finally {
    await run.cleanup();
  }
}

/** Stores `rate` messages a second for `seconds`, with the engine running; measures latency. */
async function steady(endpoint: string, streamArn: string, rate: number, seconds: number, groups: number) {
  const run = await setupDelivery(endpoint, streamArn);
  try {
    await run.engine.start();
    const tickMs = 100;
    const perTick = Math.round((rate * tickMs) / 1000);
    const startedAt = performance.now();
    let peakMiB = 0;
    for (let tick = 0; tick < (seconds * 1000) / tickMs; tick++) {
      const messages = makeWorkload({ count: perTick, groups, firstLsn: 1_000 + tick * perTick * 16 });
      await appendMessages(run.db, { sinkId: run.sinkId, messages });
      const wait = startedAt + (tick + 1) * tickMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (tick % 10 === 0) peakMiB = Math.max(peakMiB, (await residentMemoryMiB(run.engine.pid ?? 0)).peak);
    }
    const actualRate = (perTick * ((seconds * 1000) / tickMs)) / ((performance.now() - startedAt) / 1000);
    while ((await undelivered(run.db, run.sinkId)) > 0)
      await new Promise((resolve) => setTimeout(resolve, 200));
    peakMiB = Math.max(peakMiB, (await residentMemoryMiB(run.engine.pid ?? 0)).peak);
    const latency = await run.db.pool.query<{ p50: number; p99: number; max: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
         FROM (SELECT extract(epoch FROM delivered_at - created_at) * 1000 AS ms FROM message WHERE sink_id = $1) AS t`,
      [run.sinkId],
    );
    const row = latency.rows[0];
    return { rate: actualRate, p50: Number(row?.p50), p99: Number(row?.p99), max: Number(row?.max), peakMiB };
  } finally {
    await run.cleanup();
  }
}

const DELIVERY_RUNS = ['throughput', 'transform', 'latency', 'backlog', 'emulator'];

/** 300 MB, the delivery engine issue's bound on the engine's resident memory. */
const MEMORY_TARGET = { kind: 'at most', value: 300_000_000 / 2 ** 20, unit: 'MiB' } as const;

async function main(): Promise<void> {
  await prepareTemplateDatabase();
  console.error(
    "Measuring this machine's ceilings, then running benchmarks: each result is printed here as it comes, the table at the end.",
  );
  // A few seconds each, whatever the runs: every result is compared with what this run measured.
  const measures = await measureMachine(Math.max(0.5, 3 * scale));
  const ceilings = deriveCeilings(measures);
  const ceilingLine = describeCeilings(measures, ceilings);
  console.error(`  ${ceilingLine}`);
  const table = new SummaryTable(ceilings);
  if (DELIVERY_RUNS.some((run) => runs.has(run))) await deliveryRuns(table);
  await runThrottledBenchmarks({ runs, scale, table });
  await runCaptureBenchmarks({ runs, scale, table });
  await runConsoleQueryBenchmarks({ runs, scale, table });
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}${scale === 1 ? '' : `, BENCH_SCALE=${scale}`}`,
  );
  console.log(ceilingLine);
  console.log('');
  for (const line of table.render()) console.log(line);
  const missed = table.missed();
  console.log('');
  console.log(
    missed.length === 0
      ? 'Every target met.'
      : `Targets missed: ${missed.map((row) => `${row.run} (${row.measure})`).join('; ')}.`,
  );
}

async function deliveryRuns(table: SummaryTable): Promise<void> {
  const noop = await startNoopKinesis();
  const noopArn = 'arn:aws:kinesis:us-east-1:000000000000:stream/bench';
  try {
    const throughput = runs.has('throughput')
      ? await drain(noop.endpoint, noopArn, 200_000 * scale, 10_000, noop.recordsReceived)
      : null;
    if (throughput) {
      table.add({
        run: `delivery: backlog of ${fmt(throughput.count)} → no-op endpoint`,
        measure: 'throughput',
        value: throughput.rate,
        unit: 'msg/s',
        target: { kind: 'at least', value: 20_000, unit: 'msg/s' },
        compareWith: table.ceilings.store,
        peakMiB: throughput.peakMiB,
      });
      table.note(
        `delivery backlog of ${fmt(throughput.count)}: drained in ${fmt(throughput.seconds, 1)} s; stored at ${fmt(throughput.storeRate)} msg/s beforehand.`,
      );
    }
    for (const benchTransform of runs.has('transform') ? SIMPLE_TRANSFORMS : []) {
      const transformed = await drain(
        noop.endpoint,
        noopArn,
        200_000 * scale,
        10_000,
        noop.recordsReceived,
        benchTransform,
      );
      const run = `delivery: the same backlog with ${benchTransform.label}`;
      if (throughput) {
        table.add({
          run,
          measure: 'throughput, share of the run without a transform',
          value: (transformed.rate / throughput.rate) * 100,
          unit: '%',
          target: { kind: 'at least', value: 70, unit: '%' },
          peakMiB: transformed.peakMiB,
        });
        table.note(`${run}: ${fmt(transformed.rate)} msg/s.`);
      } else {
        table.add({
          run,
          measure: 'throughput',
          value: transformed.rate,
          unit: 'msg/s',
          compareWith: table.ceilings.store,
          peakMiB: transformed.peakMiB,
        });
      }
    }
    const latency = runs.has('latency') ? await steady(noop.endpoint, noopArn, 5_000, 30, 10_000) : null;
    if (latency) {
      const run = `delivery: steady ${fmt(latency.rate)} msg/s for 30 s → no-op endpoint`;
      table.add({
        run,
        measure: 'stored→acknowledged p50',
        value: latency.p50,
        unit: 'ms',
        compareWith: table.ceilings.latencyFloor,
        peakMiB: latency.peakMiB,
      });
      table.add({
        run,
        measure: 'stored→acknowledged p99',
        value: latency.p99,
        unit: 'ms',
        target: { kind: 'at most', value: 150, unit: 'ms' },
        compareWith: table.ceilings.latencyFloor,
      });
      table.note(`${run}: slowest message ${fmt(latency.max)} ms.`);
    }
    const backlog = runs.has('backlog')
      ? await drain(noop.endpoint, noopArn, 1_000_000 * scale, 10_000, noop.recordsReceived)
      : null;
    if (backlog) {
      const run = `delivery: backlog of ${fmt(backlog.count)} → no-op endpoint`;
      table.add({
        run,
        measure: 'throughput',
        value: backlog.rate,
        unit: 'msg/s',
        compareWith: table.ceilings.store,
      });
      if (throughput)
        table.add({
          run,
          measure: `throughput, share of the ${fmt(throughput.count)} backlog's`,
          value: (backlog.rate / throughput.rate) * 100,
          unit: '%',
          target: { kind: 'at least', value: 80, unit: '%' },
        });
      table.add({
        run,
        measure: 'engine peak resident memory',
        value: backlog.peakMiB,
        unit: 'MiB',
        target: MEMORY_TARGET,
      });
    }
  } finally {
    await noop.stop();
  }
  if (!runs.has('emulator')) return;
  const emulator = await startKinesisEmulator();
  try {
    const stream = await createTestStream(emulator.endpoint, { shardCount: 4 });
    const viaEmulator = await drain(emulator.endpoint, stream.streamArn, 20_000, 1_000);
    // No target: kinesis-local itself takes a few hundred records a second.
    table.add({
      run: `delivery: backlog of ${fmt(viaEmulator.count)} → kinesis-local emulator`,
      measure: 'throughput',
      value: viaEmulator.rate,
      unit: 'msg/s',
      compareWith: table.ceilings.store,
      peakMiB: viaEmulator.peakMiB,
    });
  } finally {
    await emulator.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
