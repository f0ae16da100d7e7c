import { randomBytes } from 'node:crypto';
import { startCaptureSupervisor } from '@shardline/capture';
import { createDatabase, createSink, createSource, type Database, listAlerts } from '@shardline/db';
import {
  createSourceDatabase,
  createTestDatabase,
  type SourceDatabase,
  type TestDatabase,
  waitUntilSlotStreamed,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../src';
import { secretBox, waitFor } from './harness';

const MiB = 1024 * 1024;
/** Short thresholds; the other databases of the shared server write WAL too, so not too short. */
const THRESHOLDS = { sourceLagBytes: 4 * MiB, sourceStalledMs: 3_000 };

let database: TestDatabase;
let sourceDb: SourceDatabase;
let db: Database;
const stoppers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stoppers.splice(0).reverse()) await stop();
  await db?.close();
  await database?.drop();
  await sourceDb?.drop();
});

describe('a source whose reader falls behind', () => {
  it('opens a lag alert when its slot keeps more WAL than the threshold and the reader made no progress, and clears it once read again', async () => {
    sourceDb = await createSourceDatabase();
    await sourceDb.query('CREATE TABLE events (id bigserial PRIMARY KEY, body text NOT NULL)');
    database = await createTestDatabase();
    db = createDatabase({ url: database.url, maxConnections: 8 });
    const source = await createSource(db, {
      secretBox,
      input: { name: `src_${randomBytes(4).toString('hex')}`, url: sourceDb.url },
    });
    await createSink(db, {
      secretBox,
      input: {
        name: 'lagging-sink',
        streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/not-used',
        endpoint: kinesisEndpoint(),
        accessKeyId: 'test',
        secretAccessKey: 'test',
        sourceId: source.id,
        tables: [{ name: 'events' }],
      },
    });
    const logger = pino({ level: 'silent' });
    const evaluate = () => evaluateAlerts({ db, secretBox, logger, thresholds: THRESHOLDS });
    const startReading = async () => {
      const capture = startCaptureSupervisor({
        db,
        databaseUrl: database.url,
        secretBox,
        logger,
        pollIntervalMs: 200,
        retryDelayMs: 500,
      });
      stoppers.push(() => capture.stop());
      await waitUntilSlotStreamed(sourceDb);
      return capture;
    };

    // Read and caught up: no alert.
    const capture = await startReading();
    await waitFor('the reader to record its progress', async () => {
      const { rows } = await db.pool.query('SELECT reader_seen_at FROM source WHERE id = $1', [source.id]);
      return rows[0]?.reader_seen_at;
    });
    expect((await evaluate()).opened).toEqual([]);

    // Nobody reads while 8 MB of changes are written: the slot keeps them.
    await capture.stop();
    for (let batch = 0; batch < 8; batch++) {
      await sourceDb.query(
        `INSERT INTO events (body) SELECT repeat('x', 1000) FROM generate_series(1, 1000)`,
      );
    }
    const alert = await waitFor('the lag alert', async () => {
      const { opened } = await evaluate();
      return opened.find((each) => each.kind === 'source_lagging') ?? null;
    });
    expect(alert.sourceId).toBe(source.id);
    expect(alert.sinkId).toBeNull();
    expect(alert.summary).toMatch(
      new RegExp(
        `^Changes reach the sinks late: its slot "${source.slotName}" keeps \\d+\\.\\d+ MiB of WAL not read yet \\(more than 4\\.00 MiB\\)`,
      ),
    );
    expect(Number(alert.details.retainedBytes)).toBeGreaterThan(THRESHOLDS.sourceLagBytes);
    // Still behind, and now past the stall threshold too: the same alert, saying both.
    await new Promise((resolve) => setTimeout(resolve, THRESHOLDS.sourceStalledMs));
    const later = await evaluate();
    expect(later.opened).toEqual([]);
    expect(later.active.find((each) => each.kind === 'source_lagging')?.summary).toMatch(
      /, and its reader has made no progress for \d+ s/,
    );

    // Read again: it catches up, and the alert resolves.
    await startReading();
    const resolved = await waitFor(
      'the lag alert to resolve',
      async () => (await evaluate()).resolved.find((each) => each.kind === 'source_lagging') ?? null,
      30_000,
      500,
    );
    expect(resolved.id).toBe(alert.id);
    const { alerts } = await listAlerts(db, { sourceId: source.id });
    expect(alerts.map((each) => [each.kind, each.resolvedAt !== null])).toEqual([['source_lagging', true]]);
  });
});
