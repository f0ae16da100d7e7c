import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_TYPES } from '../../src/values/builtin-types';
import { type CatalogQuery, TypeCatalog } from '../../src/values/type-catalog';

describe('TypeCatalog', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let queries: string[];
  let catalog: TypeCatalog;
  const oids: Record<string, number> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`
      CREATE SCHEMA app;
      CREATE TYPE app.mood AS ENUM ('happy', 'sad');
      CREATE DOMAIN app.positive AS int4 CHECK (VALUE > 0);
      CREATE DOMAIN app.small_positive AS app.positive CHECK (VALUE < 100);
      CREATE DOMAIN app.tags AS text[];
      CREATE DOMAIN app.moods AS app.mood[];
      CREATE TYPE app.pair AS (a int4, b text);
      CREATE TYPE app.floatrange AS RANGE (subtype = float8);
    `);
    const names = [
      'app.mood',
      'app.mood[]',
      'app.positive',
      'app.positive[]',
      'app.small_positive',
      'app.tags',
      'app.moods',
      'app.pair',
      'app.pair[]',
      'app.floatrange',
      'point',
      'tsvector',
      'int2vector',
      'box[]',
      'int4range',
    ];
    for (const name of names) {
      const result = await client.query<{ oid: number }>('SELECT $1::regtype::oid AS oid', [name]);
      oids[name] = result.rows[0]?.oid ?? Number.NaN;
    }
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  beforeEach(() => {
    queries = [];
    const query: CatalogQuery = (sql, params) => {
      queries.push(sql);
      return client.query(sql, params);
    };
    catalog = new TypeCatalog(query);
  });

  const oid = (name: string) => oids[name] ?? Number.NaN;

  it('knows builtin types and their arrays without a query', async () => {
    await catalog.resolve([23, 1007, 20, 1016, 3802, 3807, 1184, 1185, 17, 1001, 2950, 2951, 19, 18]);
    expect(queries).toEqual([]);
    expect(catalog.describe(23)).toEqual({ oid: 23, name: 'int4', kind: 'int' });
    expect(catalog.describe(1016)).toEqual({
      oid: 1016,
      name: '_int8',
      kind: 'array',
      element: { oid: 20, name: 'int8', kind: 'bigint' },
    });
    expect(catalog.describe(3807)).toMatchObject({ kind: 'array', element: { kind: 'json' } });
    expect(catalog.describe(1042)).toMatchObject({ name: 'bpchar', kind: 'text' });
  });

  it('agrees with pg_type on every builtin OID and array OID', async () => {
    const result = await client.query<{ oid: number; typname: string }>(
      'SELECT oid::int4 AS oid, typname FROM pg_type WHERE oid = ANY($1::oid[])',
      [[...BUILTIN_TYPES.keys()]],
    );
    const names = Object.fromEntries(result.rows.map((row) => [row.oid, row.typname]));
    const expected = Object.fromEntries([...BUILTIN_TYPES].map(([key, info]) => [key, info.name]));
    expect(names).toEqual(expected);
    expect(BUILTIN_TYPES.size).toBe(56);
  });

  it('resolves enums, domains, arrays and their element and base types in one query', async () => {
    await catalog.resolve([
      oid('app.mood[]'),
      oid('app.small_positive'),
      oid('app.moods'),
      oid('app.tags'),
      oid('app.positive[]'),
      23,
    ]);
    expect(queries).toHaveLength(1);
    const mood = { oid: oid('app.mood'), name: 'mood', kind: 'enum' };
    expect(catalog.describe(oid('app.mood[]'))).toEqual({
      oid: oid('app.mood[]'),
      name: '_mood',
      kind: 'array',
      element: mood,
    });
    // Found through the array, so known without being asked for.
    expect(catalog.describe(oid('app.mood'))).toEqual(mood);
    expect(catalog.describe(oid('app.small_positive'))).toEqual({
      oid: oid('app.small_positive'),
      name: 'small_positive',
      kind: 'int',
    });
    expect(catalog.describe(oid('app.moods'))).toEqual({
      oid: oid('app.moods'),
      name: 'moods',
      kind: 'array',
      element: mood,
    });
    expect(catalog.describe(oid('app.tags'))).toMatchObject({
      kind: 'array',
      element: { oid: 25, kind: 'text' },
    });
    expect(catalog.describe(oid('app.positive[]'))).toMatchObject({
      kind: 'array',
      element: { oid: oid('app.positive'), name: 'positive', kind: 'int' },
    });

    await catalog.resolve([oid('app.mood'), oid('app.moods'), 1007]);
    expect(queries).toHaveLength(1);
  });

  it('describes composite, range and other non-array types as other', async () => {
    const names = ['app.pair', 'app.floatrange', 'point', 'tsvector', 'int4range', 'int2vector'];
    await catalog.resolve(names.map(oid));
    for (const name of names) expect(catalog.describe(oid(name)).kind, name).toBe('other');
    // int2vector has an element type and the array category, but prints '1 2', not '{1,2}'.
    expect(catalog.describe(oid('int2vector'))).toEqual({ oid: 22, name: 'int2vector', kind: 'other' });
  });

  it('splits arrays of composites, and leaves arrays whose delimiter is not a comma as text', async () => {
    await catalog.resolve([oid('app.pair[]'), oid('box[]')]);
    expect(catalog.describe(oid('app.pair[]'))).toMatchObject({ kind: 'array', element: { kind: 'other' } });
    expect(catalog.describe(oid('box[]'))).toEqual({ oid: 1020, name: '_box', kind: 'other' });
  });

  it('passes a type that no longer exists as text', async () => {
    await catalog.resolve([4_000_000_000]);
    expect(catalog.describe(4_000_000_000)).toEqual({
      oid: 4_000_000_000,
      name: '4000000000',
      kind: 'other',
    });
  });

  it('refuses to describe an OID it was not asked to resolve', () => {
    expect(() => catalog.describe(oid('app.mood'))).toThrow(/not resolved/);
  });
});
