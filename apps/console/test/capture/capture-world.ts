import type { Database } from '@shardline/db';
import {
  createSourceDatabase,
  type NoopKinesis,
  type SourceDatabase,
  startNoopKinesis,
  waitFor,
  waitUntilSlotStreamed,
} from '@shardline/testing';
import { DELETE as deleteSinkRoute, PATCH as patchSinkRoute } from '../../app/api/v1/sinks/[id]/route';
import { POST as createSinkRoute } from '../../app/api/v1/sinks/route';
import { POST as createSourceRoute } from '../../app/api/v1/sources/route';
import { type ApiAnswer, call, openApiHarness } from '../api-harness';
import { startEngineInProcess } from '../engine-in-process';

/** A record as it landed in the stream, its data parsed. */
export interface LandedRecord {
  partitionKey: string;
  sink: string;
  table: string;
  action: string;
  record: Record<string, unknown>;
  commitLsn: number;
  commitIdx: number;
  /** The whole message, as a transform may have reshaped it. */
  payload: Record<string, unknown>;
}

/**
 * The console's routes over a Shardline database of their own, a source database being read,
 * and an engine (capture and delivery, in this process, as apps/engine wires them) sending to
 * an endpoint that keeps every record in arrival order. Users' actions go through the REST API.
 */
export interface CaptureWorld {
  db: Database;
  source: SourceDatabase;
  sourceId: string;
  recorder: NoopKinesis;
  /** Runs SQL on the source database. */
  sql<T extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<T[]>;
  /** The source's WAL insert position now: every transaction committing later has a higher commit LSN. */
  walPosition(): Promise<bigint>;
  createSink(body: Record<string, unknown>, query?: Record<string, string>): Promise<ApiAnswer>;
  patchSink(
    sinkId: string,
    body: Record<string, unknown>,
    query?: Record<string, string>,
  ): Promise<ApiAnswer>;
  deleteSink(sinkId: string, query?: Record<string, string>): Promise<ApiAnswer>;
  /** A sink body sending to the recorder. */
  sinkBody(name: string, overrides?: Record<string, unknown>): Record<string, unknown>;
  records(sinkName?: string): LandedRecord[];
  waitForRecords(sinkName: string, count: number, timeoutMs?: number): Promise<LandedRecord[]>;
  waitUntilReading(): Promise<void>;
  /** Stops reading the source, as an engine that goes down; delivery goes on. */
  stopCapture(): Promise<void>;
  /** Reads it again, as an engine that comes back. */
  startCapture(): void;
  stop(): Promise<void>;
}

export async function startCaptureWorld(): Promise<CaptureWorld> {
  const harness = await openApiHarness();
  const stoppers: Array<() => Promise<void>> = [() => harness.close()];
  const stop = async () => {
    for (const step of stoppers.reverse()) await step();
  };
  try {
    const source = await createSourceDatabase();
    stoppers.push(() => source.drop());
    const recorder = await startNoopKinesis({ keepRecords: true });
    stoppers.push(() => recorder.stop());
    const created = await call(createSourceRoute, {
      body: { name: `source-${Date.now()}`, url: source.url },
    });
    if (created.status !== 201) throw new Error(`creating the source failed: ${created.text}`);
    const sourceId: string = created.body.source.id;

    const engine = await startEngineInProcess({
      db: harness.db,
      capture: { pollIntervalMs: 200, retryDelayMs: 500 },
      delivery: {
        leaseMs: 15_000,
        lockDurationMs: 15_000,
        requestTimeoutMs: 10_000,
        sweepIntervalMs: 1_000,
        initialRetryDelayMs: 200,
      },
    });
    stoppers.push(() => engine.stop());

    const records = (sinkName?: string): LandedRecord[] =>
      recorder.records().flatMap((landed) => {
        const payload = JSON.parse(landed.data) as Record<string, unknown>;
        const metadata = (payload.metadata ?? {}) as Record<string, unknown>;
        const consumer = (metadata.consumer ?? {}) as { name?: string };
        if (sinkName !== undefined && consumer.name !== sinkName) return [];
        return [
          {
            partitionKey: landed.partitionKey,
            sink: consumer.name ?? '',
            table: String(metadata.table_name),
            action: String(payload.action),
            record: (payload.record ?? {}) as Record<string, unknown>,
            commitLsn: Number(metadata.commit_lsn),
            commitIdx: Number(metadata.commit_idx),
            payload,
          },
        ];
      });

    return {
      db: harness.db,
      source,
      sourceId,
      recorder,
      async sql<T>(text: string, params?: unknown[]) {
        return (await source.query(text, params)).rows as T[];
      },
      async walPosition() {
        const { rows } = await source.query<{ lsn: string }>(
          "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text AS lsn",
        );
        return BigInt(rows[0]?.lsn ?? '0');
      },
      createSink: (body, query) => call(createSinkRoute, { body, query }),
      patchSink: (sinkId, body, query) =>
        call(patchSinkRoute, { method: 'PATCH', params: { id: sinkId }, body, query }),
      deleteSink: (sinkId, query) =>
        call(deleteSinkRoute, { method: 'DELETE', params: { id: sinkId }, query }),
      sinkBody: (name, overrides = {}) => ({
        name,
        streamArn: `arn:aws:kinesis:us-east-1:000000000000:stream/${name}`,
        endpoint: recorder.endpoint,
        accessKeyId: 'test',
        secretAccessKey: 'test',
        sourceId,
        ...overrides,
      }),
      records,
      waitForRecords: (sinkName, count, timeoutMs = 60_000) =>
        waitFor(
          `${count} records of sink ${sinkName} (have ${records(sinkName).length})`,
          async () => {
            const landed = records(sinkName);
            return landed.length >= count ? landed : null;
          },
          timeoutMs,
        ),
      waitUntilReading: () => waitUntilSlotStreamed(source),
      stopCapture: () => engine.stopCapture(),
      startCapture: () => engine.startCapture(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Each group's records in the order they landed are in commit order: no record of a group
 * landed after a later change of it.
 */
export function outOfOrder(records: readonly LandedRecord[]): string[] {
  const last = new Map<string, [number, number]>();
  const problems: string[] = [];
  for (const record of records) {
    const previous = last.get(record.partitionKey);
    const position: [number, number] = [record.commitLsn, record.commitIdx];
    if (
      previous &&
      (previous[0] > position[0] || (previous[0] === position[0] && previous[1] >= position[1]))
    ) {
      problems.push(`${record.partitionKey}: ${position.join('/')} after ${previous.join('/')}`);
    }
    last.set(record.partitionKey, position);
  }
  return problems;
}
