import { randomBytes } from 'node:crypto';
import { SecretBox } from '@shardline/core';
import { createDatabase, createSink, createSource, type Database } from '@shardline/db';
import {
  createTestStream,
  type FaultProxy,
  type KinesisEmulator,
  readAllRecords,
  startFaultProxy,
  startKinesisEmulator,
  type TestStream,
} from '@shardline/testing';
import pg from 'pg';
import { EngineProcess, engineEnv } from '../engine-process';
import type { ChaosServices } from './chaos-services';
import { CHAOS_ENGINE_SETTINGS, type ChaosSettings } from './chaos-settings';
import { CHAOS_TABLE, chaosTableSql, type SteadyWriter, startSteadyWriter } from './steady-writer';
import { checkStream, recoveryAfter, type StreamCheck } from './stream-check';

const SECRET_KEY = 'd'.repeat(64);
const SHARDS = 2;

export interface ScenarioResult extends Omit<StreamCheck, 'firstArrival'> {
  name: string;
  /**
   * From the fault's end until everything committed before it was in the stream, in seconds,
   * and how many of those changes were not in the stream yet when the fault ended.
   */
  recovery: { seconds: number; backlog: number };
  /** Messages stored for a change already stored (read again after a fault). Must be 0. */
  storedTwice: number;
  /** Engine processes that exited without being killed by the scenario. Must be 0. */
  engineCrashes: number;
  /** Transactions the writer could not commit (while Postgres was down). */
  writerFailures: number;
  /** Writer start to the stream read back, in seconds. */
  durationSeconds: number;
  /** What the fault was, in a few words. */
  notes?: string;
}

interface ScenarioWorld {
  names: { source: string; shardline: string };
  emulator: KinesisEmulator;
  proxy: FaultProxy;
  stream: TestStream;
  /** The test's own connection to Shardline's database. */
  db: Database;
  sinkId: string;
  queuePrefix: string;
}

/**
 * One scenario's world on the chaos services: a source database with the steady-load table, a
 * Shardline database (copied from the migrated template) with a source and a sink taking the
 * table, a Kinesis emulator of its own behind a fault proxy (so it can be made unreachable, and
 * holds only this scenario's records: kinesis-local slows down as it fills), a queue prefix of
 * its own, and engines as real processes running the production bundle.
 */
export class ChaosScenario {
  readonly engines: EngineProcess[] = [];
  readonly #killed = new Set<EngineProcess>();
  writer: SteadyWriter | null = null;
  #startedAt = 0;

  private constructor(
    readonly name: string,
    private readonly settings: ChaosSettings,
    private readonly services: ChaosServices,
    private readonly world: ScenarioWorld,
  ) {}

  get proxy(): FaultProxy {
    return this.world.proxy;
  }

  static async create(
    name: string,
    settings: ChaosSettings,
    services: ChaosServices,
  ): Promise<ChaosScenario> {
    const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    const names = { source: `chaos_source_${suffix}`, shardline: `chaos_shardline_${suffix}` };
    await services.admin(`CREATE DATABASE ${names.source}`);
    await services.admin(`CREATE DATABASE ${names.shardline} TEMPLATE ${services.templateDatabase}`);
    const source = new pg.Client({ connectionString: services.databaseUrl(names.source) });
    await source.connect();
    await source.query(chaosTableSql(settings.groups));
    await source.end();

    const emulator = await startKinesisEmulator();
    const proxy = await startFaultProxy({ target: emulator.endpoint });
    const stream = await createTestStream(emulator.endpoint, { shardCount: SHARDS });
    const db = createDatabase({
      url: services.databaseUrl(names.shardline),
      maxConnections: 2,
      // The scenario restarts Postgres under this pool; broken connections are replaced on use.
      onIdleConnectionError: () => {},
    });
    const secretBox = new SecretBox(SECRET_KEY);
    const sourceRow = await createSource(db, {
      secretBox,
      input: { name: `chaos_${suffix}`, url: services.databaseUrl(names.source) },
    });
    const sink = await createSink(db, {
      secretBox,
      input: {
        name: 'chaos',
        streamArn: stream.streamArn,
        endpoint: proxy.endpoint,
        accessKeyId: 'chaos',
        secretAccessKey: 'chaos',
        sourceId: sourceRow.id,
        tables: [{ name: CHAOS_TABLE }],
      },
    });
    return new ChaosScenario(name, settings, services, {
      names,
      emulator,
      proxy,
      stream,
      db,
      sinkId: sink.id,
      queuePrefix: `{shardline-chaos-${suffix}}`,
    });
  }

  /** Starts one more engine process and waits until its delivery engine runs. */
  async startEngine(): Promise<EngineProcess> {
    const engine = new EngineProcess(
      {
        ...engineEnv({
          databaseUrl: this.services.databaseUrl(this.world.names.shardline),
          redisUrl: this.services.redis.url,
          queuePrefix: this.world.queuePrefix,
          secretKey: SECRET_KEY,
        }),
        ...CHAOS_ENGINE_SETTINGS,
      },
      { built: true },
    );
    this.engines.push(engine);
    await engine.start();
    return engine;
  }

  /** Kills an engine with SIGKILL, as a crash or an OOM kill would. */
  async kill(engine: EngineProcess): Promise<void> {
    this.#killed.add(engine);
    await engine.kill();
  }

  /** The running engines that read the source (at most one, unless something is wrong). */
  readers(): EngineProcess[] {
    return this.engines.filter((engine) => engine.running && engine.logLines('reading changes').length > 0);
  }

  /**
   * Waits until a walsender streams the source's slot: changes committed before the slot exists
   * are not captured, so the load starts after this.
   */
  async waitUntilReading(timeoutMs = 60_000): Promise<void> {
    const client = new pg.Client({ connectionString: this.services.databaseUrl(this.world.names.source) });
    await client.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rowCount } = await client.query(
          `SELECT 1 FROM pg_replication_slots s JOIN pg_stat_activity a ON a.pid = s.active_pid
            WHERE s.database = current_database() AND a.backend_type = 'walsender'`,
        );
        if (rowCount) return;
        if (Date.now() > deadline)
          throw new Error(`no engine started reading the source:\n${this.engineOutput()}`);
        await sleep(100);
      }
    } finally {
      await client.end();
    }
  }

  startLoad(): void {
    this.#startedAt = Date.now();
    this.writer = startSteadyWriter({
      url: this.services.databaseUrl(this.world.names.source),
      groups: this.settings.groups,
      transactionsPerSecond: this.settings.transactionsPerSecond,
    });
  }

  /**
   * Stops the load, waits until Shardline has stored and delivered every committed change (or
   * the drain timeout passes), reads the whole stream back and checks it.
   */
  async finish(faultEndedAt: number): Promise<ScenarioResult> {
    const writer = this.writer;
    if (!writer) throw new Error('the load was never started');
    const { failures } = await writer.stop();
    const lastSeqByGroup = await this.#lastSeqByGroup();
    const committed = [...lastSeqByGroup.values()].reduce((sum, seq) => sum + seq, 0);
    await this.#waitUntilDelivered(committed);
    const records = await readAllRecords(this.world.emulator.endpoint, this.world.stream.streamArn, {
      expectCount: committed,
      timeoutMs: 30_000,
    });
    const { firstArrival, ...check } = checkStream(records, lastSeqByGroup);
    const { rows } = await this.world.db.pool.query<{ stored_twice: number }>(
      `SELECT (count(*) - count(DISTINCT (commit_lsn, commit_idx)))::int AS stored_twice
         FROM message WHERE sink_id = $1`,
      [this.world.sinkId],
    );
    return {
      name: this.name,
      ...check,
      storedTwice: rows[0]?.stored_twice ?? 0,
      engineCrashes: this.engines.filter((engine) => !engine.running && !this.#killed.has(engine)).length,
      recovery: recoveryAfter(writer.commits, firstArrival, faultEndedAt),
      writerFailures: failures,
      durationSeconds: (Date.now() - this.#startedAt) / 1000,
    };
  }

  engineOutput(lines = 40): string {
    return this.engines
      .map((engine, i) => `engine ${i}:\n${engine.output.slice(-lines).join('\n')}`)
      .join('\n');
  }

  async cleanup(): Promise<void> {
    await this.writer?.stop();
    await Promise.all(this.engines.map((engine) => engine.kill()));
    await this.world.db.close();
    await this.world.proxy.stop();
    await this.world.emulator.stop();
    // Dropping the source database drops its slot, which no walsender holds once the engines are gone.
    await this.services.admin(`DROP DATABASE IF EXISTS ${this.world.names.source} WITH (FORCE)`);
    await this.services.admin(`DROP DATABASE IF EXISTS ${this.world.names.shardline} WITH (FORCE)`);
  }

  async #lastSeqByGroup(): Promise<Map<number, number>> {
    const client = new pg.Client({ connectionString: this.services.databaseUrl(this.world.names.source) });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: number; seq: number }>(`SELECT id, seq FROM ${CHAOS_TABLE}`);
      return new Map(rows.map((row) => [row.id, row.seq]));
    } finally {
      await client.end();
    }
  }

  /** Returns when every change is stored once and none is undelivered, or when the timeout passes. */
  async #waitUntilDelivered(committed: number): Promise<void> {
    const deadline = Date.now() + this.settings.drainTimeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await this.world.db.pool.query<{ stored: number; undelivered: number }>(
        `SELECT count(*)::int AS stored,
                count(*) FILTER (WHERE state IN ('pending', 'failing'))::int AS undelivered
           FROM message WHERE sink_id = $1`,
        [this.world.sinkId],
      );
      const state = rows[0];
      if (state && state.stored >= committed && state.undelivered === 0) return;
      await sleep(500);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
