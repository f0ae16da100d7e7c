/**
 * Change capture end to end: rows committed in a source database until the no-op Kinesis
 * endpoint acknowledged their messages, with the engine as its own process reading the source
 * through logical replication and delivering what it stored.
 */
import type { NoopKinesis } from '@shardline/testing';
import { type CaptureSetup, ROWS_PER_TRANSACTION, setupCapture } from './capture-setup';
import { type CpuShares, cpuShares, cpuSnapshot } from './cpu-usage';
import { residentMemoryMiB } from './engine-memory';
import { percentile } from './percentile';

const DELIVERY_TIMEOUT_MS = 15 * 60_000;

export interface CaptureThroughput {
  rows: number;
  /** Rows a second the writer committed. */
  writeRate: number;
  /** Rows a second from the first commit to the start of the last store. */
  storeRate: number;
  /** Rows a second from the first commit to the last delivered_at. */
  rate: number;
  seconds: number;
  messageBytes: number;
  peakMiB: number;
  /** Cores used by whom, from the first commit until everything was delivered. */
  cpu: CpuShares;
  laneRuns: string | null;
}

export interface CaptureLatency {
  rows: number;
  rate: number;
  /** COMMIT (writer's clock, after COMMIT returned) → delivered_at, in ms. */
  p50: number;
  p99: number;
  max: number;
  /** COMMIT → the start of the transaction that stored the message (reading, decoding, batching). */
  toStore: { p50: number; p99: number };
  /** Start of that store → delivered_at (storing, waking a lane, PutRecords, recording it). */
  storeToAck: { p50: number; p99: number };
  peakMiB: number;
  /** Cores used by whom, from the first commit until everything was delivered. */
  cpu: CpuShares;
  laneRuns: string | null;
}

/** Commits `rows` rows, transactions of 100, as fast as one writer can; times their delivery. */
export async function captureThroughput(
  noop: NoopKinesis,
  streamArn: string,
  rows: number,
): Promise<CaptureThroughput> {
  const run = await setupCapture(noop.endpoint, streamArn);
  try {
    await run.start();
    const before = noop.recordsReceived();
    const cpuBefore = await cpuSnapshot();
    const transactions = Math.ceil(rows / ROWS_PER_TRANSACTION);
    const firstCommit = await run.commit(0);
    let lastCommit = firstCommit;
    for (let batch = 1; batch < transactions; batch++) lastCommit = await run.commit(batch);
    const count = transactions * ROWS_PER_TRANSACTION;
    await waitForDelivered(run, noop, before, count);
    const cpu = cpuShares(cpuBefore, await cpuSnapshot(), run.engine.pid ?? 0, run.databases);
    const result = await run.db.pool.query<{ stored: string; delivered: string; bytes: number }>(
      `SELECT extract(epoch FROM max(created_at)) * 1000 AS stored,
              extract(epoch FROM max(delivered_at)) * 1000 AS delivered, avg(size_bytes)::int AS bytes
         FROM message WHERE sink_id = $1`,
      [run.sinkId],
    );
    const row = result.rows[0];
    const seconds = (Number(row?.delivered) - firstCommit) / 1000;
    return {
      rows: count,
      writeRate: (count - ROWS_PER_TRANSACTION) / ((lastCommit - firstCommit) / 1000),
      storeRate: count / ((Number(row?.stored) - firstCommit) / 1000),
      rate: count / seconds,
      seconds,
      messageBytes: Number(row?.bytes),
      peakMiB: (await residentMemoryMiB(run.engine.pid ?? 0)).peak,
      cpu,
      laneRuns: laneRunSummary(run),
    };
  } finally {
    await run.cleanup();
  }
}

/** Commits `rate` rows a second (transactions of 100, evenly spaced) for `seconds`; measures latency. */
export async function captureLatency(
  noop: NoopKinesis,
  streamArn: string,
  rate: number,
  seconds: number,
): Promise<CaptureLatency> {
  const run = await setupCapture(noop.endpoint, streamArn);
  try {
    await run.start();
    const before = noop.recordsReceived();
    const intervalMs = (ROWS_PER_TRANSACTION * 1000) / rate;
    const transactions = Math.round((rate * seconds) / ROWS_PER_TRANSACTION);
    const commits: number[] = [];
    const cpuBefore = await cpuSnapshot();
    const startedAt = performance.now();
    for (let batch = 0; batch < transactions; batch++) {
      commits.push(await run.commit(batch));
      const wait = startedAt + (batch + 1) * intervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const count = transactions * ROWS_PER_TRANSACTION;
    const actualRate = count / ((performance.now() - startedAt) / 1000);
    await waitForDelivered(run, noop, before, count);
    const cpu = cpuShares(cpuBefore, await cpuSnapshot(), run.engine.pid ?? 0, run.databases);
    const result = await run.db.pool.query<{ batch: number; stored: string; delivered: string }>(
      `SELECT (payload->'record'->>'batch')::int AS batch, extract(epoch FROM created_at) * 1000 AS stored,
              extract(epoch FROM delivered_at) * 1000 AS delivered
         FROM message WHERE sink_id = $1`,
      [run.sinkId],
    );
    const total: number[] = [];
    const toStore: number[] = [];
    const storeToAck: number[] = [];
    for (const row of result.rows) {
      const committed = commits[row.batch] ?? Number.NaN;
      total.push(Number(row.delivered) - committed);
      toStore.push(Number(row.stored) - committed);
      storeToAck.push(Number(row.delivered) - Number(row.stored));
    }
    const sorted = [total, toStore, storeToAck].map((values) => values.sort((a, b) => a - b));
    const [all = [], reading = [], delivering = []] = sorted;
    return {
      rows: count,
      rate: actualRate,
      p50: percentile(all, 0.5),
      p99: percentile(all, 0.99),
      max: all.at(-1) ?? Number.NaN,
      toStore: { p50: percentile(reading, 0.5), p99: percentile(reading, 0.99) },
      storeToAck: { p50: percentile(delivering, 0.5), p99: percentile(delivering, 0.99) },
      peakMiB: (await residentMemoryMiB(run.engine.pid ?? 0)).peak,
      cpu,
      laneRuns: laneRunSummary(run),
    };
  } finally {
    await run.cleanup();
  }
}

/**
 * Waits until the endpoint acknowledged `count` records (free to read, polled often) and the
 * store agrees: every message stored and none undelivered (asked once a second).
 */
async function waitForDelivered(
  run: CaptureSetup,
  noop: NoopKinesis,
  before: number,
  count: number,
): Promise<void> {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  let state = { stored: 0, undelivered: 0 };
  for (;;) {
    if (noop.recordsReceived() - before >= count) {
      const result = await run.db.pool.query<{ stored: number; undelivered: number }>(
        `SELECT count(*)::int AS stored, count(*) FILTER (WHERE state IN ('pending', 'failing'))::int AS undelivered
           FROM message WHERE sink_id = $1`,
        [run.sinkId],
      );
      state = result.rows[0] ?? state;
      // Each change must be stored exactly once, however often the reader saw it.
      if (state.stored > count) throw new Error(`${state.stored} messages stored for ${count} changes`);
      if (state.stored === count && state.undelivered === 0) return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `not delivered in time: ${noop.recordsReceived() - before} of ${count} acknowledged, ${state.stored} stored, ${state.undelivered} undelivered`,
      );
    }
    await new Promise((resolve) =>
      setTimeout(resolve, noop.recordsReceived() - before >= count ? 1_000 : 100),
    );
  }
}

/** With BENCH_LOG_LEVEL=debug: how the engine's lane runs went (size, duration, wait in the queue). */
function laneRunSummary(run: CaptureSetup): string | null {
  const runs = run.engine.logLines('lane run finished');
  if (runs.length === 0) return null;
  const sortedBy = (field: string) => runs.map((entry) => Number(entry[field])).sort((a, b) => a - b);
  const delivered = sortedBy('delivered');
  const runMs = sortedBy('runMs');
  const queuedMs = sortedBy('queuedMs');
  return `${runs.length} lane runs: records per run p50 ${percentile(delivered, 0.5)}, run p50 ${percentile(runMs, 0.5)} ms / p99 ${percentile(runMs, 0.99)} ms, queued p50 ${percentile(queuedMs, 0.5)} ms / p99 ${percentile(queuedMs, 0.99)} ms`;
}
