import { appendMessages } from '@shardline/db';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as getSink } from '../../app/api/v1/sinks/[id]/route';
import { DELETE as deleteSource } from '../../app/api/v1/sources/[id]/route';
import { call } from '../api-harness';
import { type CaptureWorld, startCaptureWorld } from './capture-world';

let world: CaptureWorld | undefined;
afterEach(async () => {
  const stopping = world;
  world = undefined;
  await stopping?.stop();
});

async function slotsOf(current: CaptureWorld): Promise<string[]> {
  const rows = await current.sql<{ slot_name: string }>(
    'SELECT slot_name FROM pg_replication_slots WHERE database = current_database()',
  );
  return rows.map((row) => row.slot_name);
}

describe('deleting', () => {
  it('a sink with messages not delivered asks for confirmation with their counts, and deletes once confirmed', async () => {
    const current = await startCaptureWorld();
    world = current;
    // A sink of its own, sending nowhere yet (paused), with messages waiting.
    const created = await current.createSink(current.sinkBody('waiting', { sourceId: null, tables: [] }));
    expect(created.status, created.text).toBe(201);
    const sinkId: string = created.body.sink.id;
    await current.db.prisma.sink.update({ where: { id: sinkId }, data: { pausedAt: new Date() } });
    await appendMessages(current.db, {
      sinkId,
      messages: [1, 2, 3].map((position) => ({
        commitLsn: BigInt(position),
        commitIdx: 0,
        group: `g${position}`,
        tableSchema: 'public',
        tableName: 'orders',
        action: 'insert' as const,
        payload: { id: position },
      })),
    });
    await current.db.pool.query(
      `UPDATE message SET state = 'failing' WHERE sink_id = $1 AND commit_lsn = 3`,
      [sinkId],
    );

    const refused = await current.deleteSink(sinkId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('sink_has_waiting_messages');
    expect(refused.body.error.details).toEqual({ pending: 2, failing: 1 });
    expect(refused.body.error.message).toContain('2 pending and 1 failing');
    expect((await call(getSink, { params: { id: sinkId } })).status).toBe(200);

    const confirmed = await current.deleteSink(sinkId, { force: 'true' });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect((await call(getSink, { params: { id: sinkId } })).status).toBe(404);
  });

  it("the last sink of a source drops the source's slot and publication: nothing keeps WAL for it", async () => {
    const current = await startCaptureWorld();
    world = current;
    await current.sql('CREATE TABLE t1 (id int PRIMARY KEY)');
    expect(await slotsOf(current)).toEqual([]);
    const created = await current.createSink(current.sinkBody('only', { tables: [{ name: 't1' }] }));
    expect(created.status, created.text).toBe(201);
    expect(created.body.publication).toMatchObject({ publicationCreated: true, slotCreated: true });
    await current.waitUntilReading();

    // Read by the engine while the request runs: the reader of a source without sinks stops.
    const deleted = await current.deleteSink(created.body.sink.id, { force: 'true' });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body.cleanup).toMatchObject({ slotDropped: true, cleanupError: null });
    expect(await slotsOf(current)).toEqual([]);
    expect(await current.sql('SELECT pubname FROM pg_publication')).toEqual([]);

    // A new sink starts over: a new slot, from the moment it is created.
    const again = await current.createSink(current.sinkBody('again', { tables: [{ name: 't1' }] }));
    expect(again.status, again.text).toBe(201);
    expect(again.body.publication).toMatchObject({ slotCreated: true });
    await current.sql('INSERT INTO t1 VALUES (1)');
    await current.waitForRecords('again', 1);
  });

  it("a source drops its slot, so the source's server keeps no WAL for Shardline", async () => {
    const current = await startCaptureWorld();
    world = current;
    await current.sql('CREATE TABLE t1 (id int PRIMARY KEY)');
    const created = await current.createSink(current.sinkBody('left', { tables: [{ name: 't1' }] }));
    expect(created.status, created.text).toBe(201);
    await current.waitUntilReading();
    // A slot left behind (dropping it when the sink went failed, say): the source's deletion drops it.
    await current.stopCapture();
    await current.db.prisma.sink.delete({ where: { id: created.body.sink.id } });
    expect(await slotsOf(current)).toHaveLength(1);

    const deleted = await call(deleteSource, { method: 'DELETE', params: { id: current.sourceId } });
    expect(deleted.status, deleted.text).toBe(200);
    expect(deleted.body.cleanup).toMatchObject({ slotDropped: true, publicationDropped: true, error: null });
    expect(await slotsOf(current)).toEqual([]);
  });
});
