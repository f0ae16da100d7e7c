import { SecretBox } from '@shardline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSource,
  type Database,
  deleteSource,
  getSource,
  getSourceConnection,
  listSourceEvents,
  recordSourceEvent,
} from '../../src';
import { createTestSink, openTestDatabase, TEST_SECRET_KEY } from '../fixtures';

const secretBox = new SecretBox(TEST_SECRET_KEY);
let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

const newSource = (name: string) =>
  createSource(db, { secretBox, input: { name, url: `postgres://u@h/${name}` } });

describe('source events', () => {
  it('records events, newest first, and an error becomes the last error', async () => {
    const source = await newSource('events');
    await recordSourceEvent(db, { sourceId: source.id, level: 'info', message: 'reader started' });
    await recordSourceEvent(db, {
      sourceId: source.id,
      level: 'warning',
      message: 'public.orders was truncated',
    });
    const error = await recordSourceEvent(db, {
      sourceId: source.id,
      level: 'error',
      message: 'password authentication failed',
    });
    expect(error).toMatchObject({
      sourceId: source.id,
      level: 'error',
      message: 'password authentication failed',
    });
    expect(typeof error.id).toBe('string');

    const events = await listSourceEvents(db, { sourceId: source.id });
    expect(events.map((event) => event.message)).toEqual([
      'password authentication failed',
      'public.orders was truncated',
      'reader started',
    ]);
    const warnings = await listSourceEvents(db, { sourceId: source.id, levels: ['warning'] });
    expect(warnings.map((event) => event.level)).toEqual(['warning']);
    const older = await listSourceEvents(db, { sourceId: source.id, limit: 1, before: error.id });
    expect(older.map((event) => event.message)).toEqual(['public.orders was truncated']);

    const shown = await getSource(db, { sourceId: source.id });
    expect(shown.lastErrorMessage).toBe('password authentication failed');
    expect(shown.lastErrorAt).toEqual(error.at);
  });

  it('rejects an unknown level, an empty message and an unknown source', async () => {
    const source = await newSource('bad-events');
    await expect(
      recordSourceEvent(db, { sourceId: source.id, level: 'fatal' as 'error', message: 'x' }),
    ).rejects.toThrow('level: level must be one of info, warning, error');
    await expect(recordSourceEvent(db, { sourceId: source.id, level: 'info', message: ' ' })).rejects.toThrow(
      'message: message must not be empty',
    );
    await expect(
      recordSourceEvent(db, {
        sourceId: '00000000-0000-0000-0000-000000000000',
        level: 'info',
        message: 'x',
      }),
    ).rejects.toThrow('source 00000000-0000-0000-0000-000000000000 does not exist');
  });
});

describe('deleteSource', () => {
  it('refuses while sinks read from the source, naming them', async () => {
    const source = await newSource('in-use');
    const sinks = [
      await createTestSink(db, { name: 'orders-to-kinesis' }),
      await createTestSink(db, { name: 'audit' }),
    ];
    await db.prisma.sink.updateMany({
      where: { id: { in: sinks.map((sink) => sink.id) } },
      data: { sourceId: source.id },
    });

    await expect(deleteSource(db, { sourceId: source.id })).rejects.toMatchObject({
      name: 'ConflictError',
      message:
        'the source "in-use" cannot be deleted while 2 sinks read from it ("audit", "orders-to-kinesis"): delete those sinks first',
    });
    expect((await getSource(db, { sourceId: source.id })).name).toBe('in-use');

    await db.prisma.sink.deleteMany({ where: { id: { in: sinks.map((sink) => sink.id) } } });
    await recordSourceEvent(db, {
      sourceId: source.id,
      level: 'info',
      message: 'kept until the source goes',
    });
    await deleteSource(db, { sourceId: source.id });
    await expect(getSource(db, { sourceId: source.id })).rejects.toThrow('does not exist');
    await expect(getSourceConnection(db, { secretBox, sourceId: source.id })).rejects.toThrow(
      'does not exist',
    );
    const events = await db.pool.query('SELECT 1 FROM source_event WHERE source_id = $1', [source.id]);
    expect(events.rowCount).toBe(0);
  });

  it('says when the source does not exist', async () => {
    await expect(
      deleteSource(db, { sourceId: '00000000-0000-0000-0000-000000000000' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
