import { SecretBox } from '@shardline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendPreparedMessages,
  createTransform,
  type Database,
  getSink,
  getSinkDeliveryConfig,
  getSinkStats,
  listSinks,
  listSourceSinks,
  prepareMessage,
  updateSink,
  updateTransform,
} from '../src';
import { createTestSink, message, openTestDatabase, TEST_SECRET_KEY } from './fixtures';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

const secretBox = new SecretBox(TEST_SECRET_KEY);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

async function newTransform(body = 'record') {
  return createTransform(db, {
    input: { name: `t-${Math.random().toString(36).slice(2, 8)}`, kind: 'path', body },
  });
}

async function filteredCountOf(sinkId: string): Promise<string | undefined> {
  const result = await db.pool.query<{ filtered_count: string }>(
    'SELECT filtered_count FROM sink WHERE id = $1',
    [sinkId],
  );
  return result.rows[0]?.filtered_count;
}

describe('a sink with a transform and a filter', () => {
  it('stores both when created and shows the transform with its current version', async () => {
    const transform = await newTransform();
    const filterSource = '(message) => message.record.total > 100';
    const sink = await createTestSink(db, { transformId: transform.id, filterSource });
    expect(sink).toMatchObject({
      transform: { id: transform.id, name: transform.name, version: 1 },
      filterSource,
      filteredCount: 0n,
    });
    expect((await listSinks(db)).find((listed) => listed.id === sink.id)?.transform?.id).toBe(transform.id);
    expect(await getSink(db, { sinkId: sink.id })).toMatchObject({
      transform: { id: transform.id, version: 1 },
      filterSource,
      counts: { filteredCount: 0n },
    });
  });

  it('stores no filter for an empty or blank one, and none by default', async () => {
    expect((await createTestSink(db, { filterSource: '  \n ' })).filterSource).toBeNull();
    expect(await createTestSink(db)).toMatchObject({
      filterSource: null,
      transform: null,
      filteredCount: 0n,
    });
  });

  it('refuses a transform that does not exist, naming the field, and stores nothing', async () => {
    const name = `missing-${Math.random().toString(36).slice(2, 8)}`;
    await expect(createTestSink(db, { name, transformId: UNKNOWN_ID })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'transformId',
      message: expect.stringContaining(`transform ${UNKNOWN_ID} does not exist`),
    });
    expect((await listSinks(db)).some((sink) => sink.name === name)).toBe(false);

    const sink = await createTestSink(db);
    await expect(
      updateSink(db, { secretBox, sinkId: sink.id, input: { transformId: UNKNOWN_ID } }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'transformId' });
    await expect(
      updateSink(db, { secretBox, sinkId: sink.id, input: { transformId: 'not-a-uuid' } }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'transformId' });
  });

  it('on edit: left out keeps them, null removes them, and either change moves updatedAt', async () => {
    const transform = await newTransform();
    const sink = await createTestSink(db);

    const attached = await updateSink(db, {
      secretBox,
      sinkId: sink.id,
      input: { transformId: transform.id, filterSource: '(message) => true' },
    });
    expect(attached).toMatchObject({ transform: { id: transform.id }, filterSource: '(message) => true' });
    expect(attached.updatedAt.getTime()).toBeGreaterThan(sink.updatedAt.getTime());

    const renamed = await updateSink(db, { secretBox, sinkId: sink.id, input: { name: `${sink.name}-2` } });
    expect(renamed).toMatchObject({ transform: { id: transform.id }, filterSource: '(message) => true' });

    const detached = await updateSink(db, {
      secretBox,
      sinkId: sink.id,
      input: { transformId: null, filterSource: '' },
    });
    expect(detached).toMatchObject({ transform: null, filterSource: null });
    expect(detached.updatedAt.getTime()).toBeGreaterThan(renamed.updatedAt.getTime());
  });
});

describe('the change reader and the delivery engine', () => {
  it('list the filter with the routes of a source', async () => {
    const source = await db.pool.query<{ id: string }>(
      `INSERT INTO source (name, host, database, username, publication_name, slot_name)
       VALUES ('filtered-source', 'localhost', 'shop', 'reader', 'pub', 'slot') RETURNING id`,
    );
    const sourceId = source.rows[0]?.id ?? '';
    const sink = await createTestSink(db, {
      sourceId,
      tables: [{ name: 'orders' }],
      filterSource: '(message) => false',
    });
    const routes = await listSourceSinks(db, { sourceId });
    expect(routes.map((route) => [route.sinkId, route.filterSource])).toEqual([
      [sink.id, '(message) => false'],
    ]);
  });

  it("get the transform's current version, and a new config version when it changes", async () => {
    const transform = await newTransform('record');
    const sink = await createTestSink(db, { transformId: transform.id });
    const before = await getSinkDeliveryConfig(db, { secretBox, sinkId: sink.id });
    expect(before.transform).toEqual({ id: transform.id, version: 1, kind: 'path', body: 'record' });

    await updateTransform(db, {
      transformId: transform.id,
      input: { kind: 'code', body: '(m) => m.record' },
    });
    const after = await getSinkDeliveryConfig(db, { secretBox, sinkId: sink.id });
    expect(after.transform).toEqual({ id: transform.id, version: 2, kind: 'code', body: '(m) => m.record' });
    expect(after.version).not.toBe(before.version);
    // The sink's own updated_at moves too: anything caching the sink by it sees the edit.
    const edited = await getSink(db, { sinkId: sink.id });
    expect(edited.updatedAt.getTime()).toBeGreaterThan(sink.updatedAt.getTime());
    expect(edited.transform).toEqual({ id: transform.id, name: transform.name, version: 2 });

    const untransformed = await createTestSink(db);
    expect((await getSinkDeliveryConfig(db, { secretBox, sinkId: untransformed.id })).transform).toBeNull();
  });
});

describe('appendPreparedMessages with filteredCount', () => {
  it('counts the dropped messages with the stored ones, or alone', async () => {
    const sink = await createTestSink(db);
    const prepared = [prepareMessage(message(10, 0, 'a'), sink.laneCount)];
    expect(
      await appendPreparedMessages(db, { sinkId: sink.id, messages: prepared, filteredCount: 3 }),
    ).toEqual({
      stored: 1,
      duplicates: 0,
      configMoved: false,
    });
    expect(await appendPreparedMessages(db, { sinkId: sink.id, messages: [], filteredCount: 2 })).toEqual({
      stored: 0,
      duplicates: 0,
      configMoved: false,
    });
    expect(await filteredCountOf(sink.id)).toBe('5');
    expect((await getSinkStats(db, { sinkId: sink.id })).counts.filteredCount).toBe(5n);
    expect((await getSink(db, { sinkId: sink.id })).filteredCount).toBe(5n);
  });

  it('still refuses an empty batch with nothing filtered', async () => {
    const sink = await createTestSink(db);
    await expect(appendPreparedMessages(db, { sinkId: sink.id, messages: [] })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'messages',
    });
    await expect(
      appendPreparedMessages(db, { sinkId: sink.id, messages: [], filteredCount: 0 }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'messages' });
  });

  it('leaves the counter alone when the insert fails', async () => {
    const sink = await createTestSink(db);
    // Prepared messages are stored as given: a payload that is not JSON fails the insert.
    const broken = { ...prepareMessage(message(20, 0, 'a'), sink.laneCount), payload: '{not json' };
    await expect(
      appendPreparedMessages(db, { sinkId: sink.id, messages: [broken], filteredCount: 4 }),
    ).rejects.toThrow();
    expect(await filteredCountOf(sink.id)).toBe('0');

    const prepared = [prepareMessage(message(21, 0, 'a'), sink.laneCount)];
    await expect(
      appendPreparedMessages(db, { sinkId: UNKNOWN_ID, messages: prepared, filteredCount: 4 }),
    ).rejects.toThrow();
    await expect(
      appendPreparedMessages(db, { sinkId: UNKNOWN_ID, messages: [], filteredCount: 4 }),
    ).rejects.toThrow(`sink ${UNKNOWN_ID} does not exist`);
  });
});
