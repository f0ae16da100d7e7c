import { waitFor } from '@shardline/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { POST as createTransform } from '../../app/api/v1/transforms/route';
import { call } from '../api-harness';
import { type CaptureWorld, type LandedRecord, outOfOrder, startCaptureWorld } from './capture-world';
import { startSteadyWriter } from './steady-writer';

let world: CaptureWorld | undefined;
afterEach(async () => {
  const stopping = world;
  world = undefined;
  await stopping?.stop();
});

const ROWS = 200;
const TENANTS = 7;
/** Between edits, changes flow this long. */
const FLOW_MS = 2_000;

/** Each row's versions as they landed, in landing order. */
function versionsByRow(records: readonly LandedRecord[], table: string): Map<number, number[]> {
  const byRow = new Map<number, number[]>();
  for (const record of records) {
    if (record.table !== table) continue;
    const id = Number(record.record.id);
    byRow.set(id, [...(byRow.get(id) ?? []), Number(record.record.version)]);
  }
  return byRow;
}

/** The versions every row had at a moment, read from the source. */
async function versionsNow(current: CaptureWorld, table: string): Promise<Map<number, number>> {
  const rows = await current.sql<{ id: number; version: number }>(`SELECT id, version FROM ${table}`);
  return new Map(rows.map((row) => [row.id, row.version]));
}

/** Every version from `from` (exclusive) to `to` (inclusive) of every row landed, each once, in order. */
function expectVersions(
  landed: Map<number, number[]>,
  from: Map<number, number> | null,
  to: Map<number, number>,
  table: string,
): void {
  const problems: string[] = [];
  for (const [id, last] of to) {
    const first = (from?.get(id) ?? 0) + 1;
    const seen = (landed.get(id) ?? []).filter((version) => version >= first && version <= last);
    const expected = Array.from({ length: last - first + 1 }, (_, index) => first + index);
    if (JSON.stringify(seen) !== JSON.stringify(expected)) {
      problems.push(`${table} row ${id}: landed ${seen.join(',')}; expected ${expected.join(',')}`);
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
}

/** Every version of every row landed exactly once, whatever the order. */
function expectEachVersionOnce(landed: Map<number, number[]>, to: Map<number, number>, table: string): void {
  const problems: string[] = [];
  for (const [id, last] of to) {
    const seen = [...(landed.get(id) ?? [])].sort((a, b) => a - b);
    const expected = Array.from({ length: last }, (_, index) => index + 1);
    if (JSON.stringify(seen) !== JSON.stringify(expected)) {
      problems.push(`${table} row ${id}: landed ${seen.join(',')}; expected ${expected.join(',')}`);
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
}

describe('editing a sink while 1,000 changes a second flow', () => {
  it('applies each edit to every change committed after it returned, and loses and reorders none', async () => {
    const current = await startCaptureWorld();
    world = current;
    for (const table of ['t1', 't2', 't3']) {
      await current.sql(
        `CREATE TABLE ${table} (id int PRIMARY KEY, tenant text NOT NULL, version int NOT NULL DEFAULT 0);
         INSERT INTO ${table} (id, tenant) SELECT g, 'tenant-' || (g % ${TENANTS}) FROM generate_series(1, ${ROWS}) g`,
      );
    }
    const created = await current.createSink(
      current.sinkBody('edited', { tables: [{ name: 't1' }, { name: 't3' }] }),
    );
    expect(created.status, created.text).toBe(201);
    const sinkId: string = created.body.sink.id;
    await current.waitUntilReading();
    // 100 transactions a second of 5 + 3 + 2 changes.
    const writer = startSteadyWriter(current.source.url, {
      transactionsPerSecond: 100,
      tables: {
        t1: { rows: ROWS, perTransaction: 5 },
        t2: { rows: ROWS, perTransaction: 2 },
        t3: { rows: ROWS, perTransaction: 3 },
      },
    });
    const pause = () => new Promise((resolve) => setTimeout(resolve, FLOW_MS));
    let edits: {
      regroupSent: bigint;
      regrouped: bigint;
      transformed: bigint;
      retableSent: bigint;
      retabled: bigint;
    };
    let t2AtAdd: Map<number, number>;
    let t1BeforeRegroup: Map<number, number>;
    let t1AfterRegroup: Map<number, number>;
    let t3BeforeRemoval: Map<number, number>;
    try {
      await pause();
      t1BeforeRegroup = await versionsNow(current, 't1');
      const regroupSent = await current.walPosition();
      const regrouped = await current.patchSink(sinkId, {
        tables: [{ name: 't1', groupColumns: ['tenant'] }, { name: 't3' }],
      });
      expect(regrouped.status, regrouped.text).toBe(200);
      const afterRegroup = await current.walPosition();
      t1AfterRegroup = await versionsNow(current, 't1');
      await pause();

      const transform = await call(createTransform, {
        body: { name: 'mark', kind: 'code', body: "(message) => ({ ...message, shape: 'marked' })" },
      });
      expect(transform.status, transform.text).toBe(201);
      const attached = await current.patchSink(sinkId, { transformId: transform.body.transform.id });
      expect(attached.status, attached.text).toBe(200);
      const afterTransform = await current.walPosition();
      await pause();

      t3BeforeRemoval = await versionsNow(current, 't3');
      const retableSent = await current.walPosition();
      const retabled = await current.patchSink(sinkId, {
        tables: [{ name: 't1', groupColumns: ['tenant'] }, { name: 't2' }],
      });
      expect(retabled.status, retabled.text).toBe(200);
      const afterRetable = await current.walPosition();
      t2AtAdd = await versionsNow(current, 't2');
      await pause();
      edits = {
        regroupSent,
        regrouped: afterRegroup,
        transformed: afterTransform,
        retableSent,
        retabled: afterRetable,
      };
    } finally {
      await writer.stop();
    }
    const t1Final = await versionsNow(current, 't1');
    const t2Final = await versionsNow(current, 't2');
    const t1Changes = [...t1Final.values()].reduce((sum, version) => sum + version, 0);
    const t2Changes = [...t2Final].reduce((sum, [id, version]) => sum + version - (t2AtAdd.get(id) ?? 0), 0);
    const t3Changes = [...t3BeforeRemoval.values()].reduce((sum, version) => sum + version, 0);
    // About 500 a second of t1 for four rounds: the edits did happen under load.
    expect(t1Changes).toBeGreaterThan(2 * 4 * (FLOW_MS / 10));
    // Counted as distinct changes: a record sent twice (at-least-once) must not end the wait early.
    await waitFor(
      `${t1Changes + t2Changes + t3Changes} distinct changes of sink edited`,
      async () => {
        const landed = new Set(
          current
            .records('edited')
            .map((record) => `${record.table}:${record.record.id}:${record.record.version}`),
        );
        return landed.size >= t1Changes + t2Changes + t3Changes ? true : null;
      },
      120_000,
    );
    // Whatever was still on its way when every change had landed (a duplicate would show).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const records = current.records('edited');

    // Nothing lost, nothing twice, each row in commit order: all of t1; t2 from its addition; t3
    // until its removal. A row of t1 changes partition key with the regrouping, and Kinesis
    // orders records per partition key only (docs/decisions.md, "Grouping changes"): its
    // versions are in order before the edit and after it, and each lands once.
    const t1Landed = versionsByRow(records, 't1');
    expectEachVersionOnce(t1Landed, t1Final, 't1');
    expectVersions(t1Landed, null, t1BeforeRegroup, 't1');
    expectVersions(t1Landed, t1AfterRegroup, t1Final, 't1');
    expectVersions(versionsByRow(records, 't2'), t2AtAdd, t2Final, 't2');
    expectVersions(versionsByRow(records, 't3'), null, t3BeforeRemoval, 't3');
    expect(outOfOrder(records)).toEqual([]);

    // Each edit applies to every change committed after it returned.
    const t1 = records.filter((record) => record.table === 't1');
    const regroupedLate = t1.filter((record) => BigInt(record.commitLsn) >= edits.regrouped);
    expect(regroupedLate.length).toBeGreaterThan(0);
    expect(regroupedLate.filter((record) => record.partitionKey !== record.record.tenant)).toEqual([]);
    const early = t1.filter((record) => BigInt(record.commitLsn) < edits.regroupSent);
    expect(early.filter((record) => record.partitionKey !== String(record.record.id))).toEqual([]);
    const transformedLate = records.filter((record) => BigInt(record.commitLsn) >= edits.transformed);
    expect(transformedLate.filter((record) => record.payload.shape !== 'marked')).toEqual([]);
    const t3Late = records.filter(
      (record) => record.table === 't3' && BigInt(record.commitLsn) >= edits.retabled,
    );
    expect(t3Late).toEqual([]);
    // Committed before the edit was even asked for: t2 was not the sink's yet.
    const t2Early = records.filter(
      (record) => record.table === 't2' && BigInt(record.commitLsn) < edits.retableSent,
    );
    expect(t2Early).toEqual([]);
  });
});

describe('editing a sink while no engine reads its source', () => {
  it('applies each edit from its own position once reading resumes, not to what was committed before it', async () => {
    const current = await startCaptureWorld();
    world = current;
    for (const table of ['t1', 't2', 't3']) {
      await current.sql(
        `CREATE TABLE ${table} (id int PRIMARY KEY, tenant text NOT NULL, version int NOT NULL DEFAULT 0);
         INSERT INTO ${table} (id, tenant) SELECT g, 'tenant-' || (g % ${TENANTS}) FROM generate_series(1, 20) g`,
      );
    }
    const created = await current.createSink(
      current.sinkBody('behind', { tables: [{ name: 't1' }, { name: 't3' }] }),
    );
    expect(created.status, created.text).toBe(201);
    const sinkId: string = created.body.sink.id;
    await current.waitUntilReading();
    await current.stopCapture();

    // Committed before the edit, read after it: the configuration before the edit.
    await current.sql('UPDATE t1 SET version = 1; UPDATE t2 SET version = 1; UPDATE t3 SET version = 1');
    const edited = await current.patchSink(sinkId, {
      tables: [{ name: 't1', groupColumns: ['tenant'] }, { name: 't2' }],
    });
    expect(edited.status, edited.text).toBe(200);
    // Committed after it: the edit's.
    await current.sql('UPDATE t1 SET version = 2; UPDATE t2 SET version = 2; UPDATE t3 SET version = 2');
    current.startCapture();

    const records = await current.waitForRecords('behind', 20 * 4);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const landed = current.records('behind').map((record) => ({
      table: record.table,
      version: record.record.version,
      groupedBy: record.partitionKey === record.record.tenant ? 'tenant' : 'id',
    }));
    const count = (table: string, version: number, groupedBy: string) =>
      landed.filter(
        (record) => record.table === table && record.version === version && record.groupedBy === groupedBy,
      ).length;
    expect(records.length).toBe(80);
    expect(count('t1', 1, 'id')).toBe(20);
    expect(count('t3', 1, 'id')).toBe(20);
    expect(count('t1', 2, 'tenant')).toBe(20);
    expect(count('t2', 2, 'id')).toBe(20);
    expect(landed.length).toBe(80);
  });
});
