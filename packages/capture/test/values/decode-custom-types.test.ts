import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openValueProbe, type ValueProbe } from './value-probe';

describe('decoding enums, domains and types without a rule of their own', () => {
  let database: TestDatabase;
  let probe: ValueProbe;
  beforeAll(async () => {
    database = await createTestDatabase();
    probe = await openValueProbe(database.url);
    await probe.client.query(`
      CREATE SCHEMA app;
      CREATE TYPE app.mood AS ENUM ('happy', 'sad', 'so-so, "meh"', 'NULL');
      CREATE DOMAIN app.positive AS int4 CHECK (VALUE > 0);
      CREATE DOMAIN app.price AS numeric(12, 2);
      CREATE DOMAIN app.document AS jsonb;
      CREATE DOMAIN app.stamps AS timestamptz[];
      CREATE TYPE app.pair AS (a int4, b text);
    `);
  });
  afterAll(async () => {
    await probe?.close();
    await database?.drop();
  });

  it('an enum is its label', async () => {
    expect(await probe.decode("'happy'::app.mood")).toBe('happy');
    expect(await probe.decode('\'so-so, "meh"\'::app.mood')).toBe('so-so, "meh"');
    expect(await probe.decode('NULL::app.mood')).toBeNull();
  });

  it('an enum array is an array of labels, a label NULL distinct from a NULL element', async () => {
    expect(await probe.decode("ARRAY['happy', 'so-so, \"meh\"', NULL, 'NULL']::app.mood[]")).toEqual([
      'happy',
      'so-so, "meh"',
      null,
      'NULL',
    ]);
  });

  it('a domain decodes as its base type', async () => {
    expect(await probe.decode('42::app.positive')).toBe(42);
    expect(await probe.decode('7::app.price')).toBe(7);
    expect(await probe.decode(`'{"a": [1, 2]}'::app.document`)).toEqual({ a: [1, 2] });
    expect(await probe.decode("ARRAY['2026-11-25 12:00:00.25+02', NULL]::timestamptz[]::app.stamps")).toEqual(
      ['2026-11-25T10:00:00.25Z', null],
    );
  });

  it('an array of a domain decodes each element as the base type', async () => {
    expect(await probe.decode('ARRAY[1, NULL, 3]::app.positive[]')).toEqual([1, null, 3]);
  });

  it.each([
    ["ROW(1, 'a b')::app.pair", '(1,"a b")'],
    ["'(1,2)'::point", '(1,2)'],
    ["'the quick fox'::tsvector", "'fox' 'quick' 'the'"],
    ["'[1,10)'::int4range", '[1,10)'],
    ["'1 2 3'::int2vector", '1 2 3'],
    ["ARRAY['((1,1),(0,0))'::box, '((3,3),(2,2))'::box]", '{(1,1),(0,0);(3,3),(2,2)}'],
  ])('%s passes through as its text', async (expression, expected) => {
    expect(await probe.decode(expression)).toBe(expected);
  });

  it('an array of a composite is an array of the composites as text', async () => {
    expect(await probe.decode("ARRAY[ROW(1, 'x,y')::app.pair, NULL]")).toEqual(['(1,"x,y")', null]);
  });
});
