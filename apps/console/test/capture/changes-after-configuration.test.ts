import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureWorld, outOfOrder, startCaptureWorld } from './capture-world';

let world: CaptureWorld | undefined;
afterEach(async () => {
  const stopping = world;
  world = undefined;
  await stopping?.stop();
});

const ROWS = 3_000;

/**
 * The moment a request returns, 3,000 rows are inserted in 30 transactions, then every tenth
 * updated twice: what a sink configured by that request must deliver, in order.
 */
async function writeRightAway(current: CaptureWorld, table: string): Promise<number> {
  for (let batch = 0; batch < 30; batch++) {
    await current.sql(
      `INSERT INTO ${table} (id, version) SELECT g, 0 FROM generate_series(${batch * 100 + 1}, ${batch * 100 + 100}) AS g`,
    );
  }
  for (let round = 1; round <= 2; round++) {
    await current.sql(`UPDATE ${table} SET version = $1 WHERE id % 10 = 0`, [round]);
  }
  return ROWS + 2 * (ROWS / 10);
}

/** Every row ended at its last version, and each row's records came in commit order. */
function expectCompleteAndOrdered(records: ReturnType<CaptureWorld['records']>, table: string): void {
  const ofTable = records.filter((record) => record.table === table);
  expect(outOfOrder(ofTable)).toEqual([]);
  const last = new Map(
    ofTable
      .filter((record) => record.record.id !== 0)
      .map((record) => [record.record.id, record.record.version]),
  );
  expect(last.size).toBe(ROWS);
  expect(last.get(10)).toBe(2);
  expect(last.get(11)).toBe(0);
}

async function readingWithOneSink(current: CaptureWorld): Promise<string> {
  await current.sql('CREATE TABLE t1 (id int PRIMARY KEY, version int NOT NULL)');
  const first = await current.createSink(current.sinkBody('first', { tables: [{ name: 't1' }] }));
  expect(first.status, first.text).toBe(201);
  await current.waitUntilReading();
  await current.sql('INSERT INTO t1 VALUES (0, 0)');
  await current.waitForRecords('first', 1);
  return first.body.sink.id;
}

describe('a configuration change on a source being read', () => {
  it('delivers every change committed after a new sink on a new table was created, in order, without a restart', async () => {
    const current = await startCaptureWorld();
    world = current;
    await readingWithOneSink(current);

    await current.sql('CREATE TABLE t2 (id int PRIMARY KEY, version int NOT NULL)');
    const created = await current.createSink(current.sinkBody('second', { tables: [{ name: 't2' }] }));
    expect(created.status, created.text).toBe(201);
    expect(created.body.publication.tablesAdded).toEqual(['public.t2']);
    const expected = await writeRightAway(current, 't2');

    expectCompleteAndOrdered(await current.waitForRecords('second', expected), 't2');
    const published = await current.sql('SELECT tablename FROM pg_publication_tables ORDER BY 1');
    expect(published.map((row) => row.tablename)).toEqual(['t1', 't2']);
  });

  it('delivers every change of a table added to an existing sink, from the moment the edit returned', async () => {
    const current = await startCaptureWorld();
    world = current;
    const sinkId = await readingWithOneSink(current);

    await current.sql('CREATE TABLE t3 (id int PRIMARY KEY, version int NOT NULL)');
    const edited = await current.patchSink(sinkId, { tables: [{ name: 't1' }, { name: 't3' }] });
    expect(edited.status, edited.text).toBe(200);
    const expected = await writeRightAway(current, 't3');

    const landed = await current.waitForRecords('first', 1 + expected);
    expectCompleteAndOrdered(landed, 't3');
  });

  it('delivers to a second sink every change of a table already captured, from the moment it was created', async () => {
    const current = await startCaptureWorld();
    world = current;
    await readingWithOneSink(current);

    const created = await current.createSink(current.sinkBody('again', { tables: [{ name: 't1' }] }));
    expect(created.status, created.text).toBe(201);
    const expected = await writeRightAway(current, 't1');

    const landed = await current.waitForRecords('again', expected);
    // Row 0 was written before the sink existed: a backfill is what sends it.
    expectCompleteAndOrdered(landed, 't1');
  });
});
