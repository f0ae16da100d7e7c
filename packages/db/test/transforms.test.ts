import { ConflictError, NotFoundError, SecretBox, ValidationError } from '@shardline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTransform,
  type Database,
  deleteTransform,
  getTransform,
  listTransforms,
  updateSink,
  updateTransform,
} from '../src';
import { createTestSink, openTestDatabase, TEST_SECRET_KEY } from './fixtures';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

function uniqueName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

const CODE = '(message) => ({ ...message, record: { id: message.record.id } })';

describe('createTransform', () => {
  it('creates version 1, with its author, and reads it back', async () => {
    const created = await createTransform(db, {
      input: { name: '  only-ids  ', kind: 'code', body: CODE },
      by: 'ana',
    });
    expect(created).toMatchObject({
      name: 'only-ids',
      description: '',
      kind: 'code',
      body: CODE,
      version: 1,
    });
    expect(created.sinks).toEqual([]);
    const detail = await getTransform(db, { transformId: created.id });
    expect(detail.versions).toEqual([
      { version: 1, kind: 'code', body: CODE, createdAt: expect.any(Date), createdBy: 'ana' },
    ]);
  });

  it('refuses a name that is taken, naming it', async () => {
    const name = uniqueName('taken');
    await createTransform(db, { input: { name, kind: 'path', body: 'record' } });
    const attempt = createTransform(db, { input: { name, kind: 'path', body: 'record.id' } });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ field: 'name', message: expect.stringContaining(name) });
  });

  it('refuses an empty body, naming the field', async () => {
    for (const body of ['', '   \n']) {
      const attempt = createTransform(db, { input: { name: uniqueName('empty'), kind: 'code', body } });
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({
        field: 'body',
        message: expect.stringContaining('the transform body is empty'),
      });
    }
  });

  it('refuses a body over 65536 characters', async () => {
    await expect(
      createTransform(db, { input: { name: uniqueName('big'), kind: 'code', body: 'x'.repeat(65_537) } }),
    ).rejects.toMatchObject({ field: 'body', message: expect.stringContaining('at most 65536 characters') });
  });
});

describe('listTransforms', () => {
  it('lists by name, each with its current version and the sinks that use it', async () => {
    const second = await createTransform(db, { input: { name: 'zz-second', kind: 'path', body: 'record' } });
    const first = await createTransform(db, { input: { name: 'aa-first', kind: 'path', body: 'record' } });
    await updateTransform(db, { transformId: first.id, input: { body: 'changes' } });
    const sink = await createTestSink(db, { transformId: second.id });

    const listed = await listTransforms(db);
    const names = listed.map((transform) => transform.name);
    expect(names).toEqual([...names].sort());
    expect(listed.find((transform) => transform.id === first.id)).toMatchObject({
      version: 2,
      body: 'changes',
    });
    expect(listed.find((transform) => transform.id === second.id)?.sinks).toEqual([
      { id: sink.id, name: sink.name },
    ]);
  });
});

describe('getTransform', () => {
  it('is not found for an unknown id or one that is not a uuid', async () => {
    await expect(
      getTransform(db, { transformId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTransform(db, { transformId: 'not-a-uuid' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('updateTransform', () => {
  it('makes a new version only when the kind or body changes', async () => {
    const created = await createTransform(db, {
      input: { name: uniqueName('versions'), kind: 'path', body: 'record' },
    });

    const renamed = await updateTransform(db, {
      transformId: created.id,
      input: { name: uniqueName('renamed'), description: 'only the id', body: 'record' },
    });
    expect(renamed).toMatchObject({ version: 1, description: 'only the id' });
    expect(renamed.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());

    const newBody = await updateTransform(db, {
      transformId: created.id,
      input: { body: CODE, kind: 'code' },
      by: 'bo',
    });
    expect(newBody).toMatchObject({ version: 2, kind: 'code', body: CODE });
    const newKind = await updateTransform(db, {
      transformId: created.id,
      input: { kind: 'path', body: 'record' },
    });
    expect(newKind.version).toBe(3);

    const detail = await getTransform(db, { transformId: created.id });
    expect(
      detail.versions.map((version) => [version.version, version.kind, version.body, version.createdBy]),
    ).toEqual([
      [3, 'path', 'record', 'console'],
      [2, 'code', CODE, 'bo'],
      [1, 'path', 'record', 'console'],
    ]);
  });

  it('gives concurrent edits distinct versions', async () => {
    const created = await createTransform(db, {
      input: { name: uniqueName('race'), kind: 'path', body: 'record' },
    });
    const bodies = ['record.a', 'record.b', 'record.c'];
    const results = await Promise.all(
      bodies.map((body) => updateTransform(db, { transformId: created.id, input: { body } })),
    );
    expect(results.map((result) => result.version).sort()).toEqual([2, 3, 4]);
    const detail = await getTransform(db, { transformId: created.id });
    expect(detail.versions.map((version) => version.version)).toEqual([4, 3, 2, 1]);
    expect(detail.version).toBe(4);
    expect(detail.body).toBe(detail.versions[0]?.body);
  });

  it('refuses a name another transform has', async () => {
    const name = uniqueName('first');
    await createTransform(db, { input: { name, kind: 'path', body: 'record' } });
    const other = await createTransform(db, {
      input: { name: uniqueName('other'), kind: 'path', body: 'record' },
    });
    await expect(updateTransform(db, { transformId: other.id, input: { name } })).rejects.toMatchObject({
      name: 'ConflictError',
      field: 'name',
    });
  });

  it('refuses an edit that changes nothing, or a field it does not know', async () => {
    const created = await createTransform(db, {
      input: { name: uniqueName('empty-edit'), kind: 'path', body: 'record' },
    });
    await expect(updateTransform(db, { transformId: created.id, input: {} })).rejects.toThrow(
      /nothing to change/,
    );
    await expect(
      updateTransform(db, { transformId: created.id, input: { boddy: 'x' } as never }),
    ).rejects.toThrow(/"boddy" cannot be edited/);
  });

  it('is not found for an unknown id', async () => {
    await expect(
      updateTransform(db, { transformId: '00000000-0000-4000-8000-000000000000', input: { body: 'record' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateTransform(db, { transformId: 'nope', input: { body: 'record' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('deleteTransform', () => {
  it('is refused while a sink uses it, naming the sink, and allowed once detached', async () => {
    const transform = await createTransform(db, {
      input: { name: uniqueName('used'), kind: 'path', body: 'record' },
    });
    const sink = await createTestSink(db, { transformId: transform.id });

    const attempt = deleteTransform(db, { transformId: transform.id });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(`the transform is used by sink(s) ${sink.name}: detach it first`);

    await updateSink(db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      sinkId: sink.id,
      input: { transformId: null },
    });
    await deleteTransform(db, { transformId: transform.id });
    await expect(getTransform(db, { transformId: transform.id })).rejects.toBeInstanceOf(NotFoundError);
    const versions = await db.pool.query('SELECT 1 FROM transform_version WHERE transform_id = $1', [
      transform.id,
    ]);
    expect(versions.rowCount).toBe(0);
  });

  it('is not found for an unknown id', async () => {
    await expect(
      deleteTransform(db, { transformId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
