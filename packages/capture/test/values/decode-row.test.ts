import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeRow, type RowColumn } from '../../src/values/decode-row';
import { ValueDecodeError } from '../../src/values/value-decode-error';
import { openValueProbe, type ValueProbe } from './value-probe';

describe('decodeRow', () => {
  let database: TestDatabase;
  let probe: ValueProbe;
  let columns: RowColumn[];
  let tuple: Record<string, string | null>;

  beforeAll(async () => {
    database = await createTestDatabase();
    probe = await openValueProbe(database.url);
    await probe.client.query(`
      CREATE TYPE status AS ENUM ('pending', 'shipped');
      CREATE TABLE orders (
        id int8 PRIMARY KEY,
        status status NOT NULL,
        "__proto__" text,
        notes text,
        tags status[],
        updated_at timestamptz
      );
      INSERT INTO orders VALUES
        (42, 'shipped', 'not a prototype', NULL, '{pending,shipped}', '2026-11-25 12:00:00.123456+02');
    `);
    // The relation's columns as pgoutput describes them: name and type OID, in table order.
    const described = await probe.client.query(`
      SELECT attname AS name, atttypid AS oid FROM pg_attribute
      WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`);
    columns = (described.rows as Array<{ name: string; oid: string }>).map((row) => ({
      name: row.name,
      typeOid: Number(row.oid),
    }));
    await probe.catalog.resolve(columns.map((column) => column.typeOid));
    const selected = await probe.client.query('SELECT * FROM orders');
    tuple = selected.rows[0] as Record<string, string | null>;
  });

  afterAll(async () => {
    await probe?.close();
    await database?.drop();
  });

  it('decodes every column in column order', () => {
    const decoded = decodeRow(columns, tuple, probe.catalog);
    expect(decoded.unchangedToast).toEqual([]);
    expect(Object.keys(decoded.values)).toEqual(['id', 'status', '__proto__', 'notes', 'tags', 'updated_at']);
    expect(decoded.values).toEqual({
      id: 42,
      status: 'shipped',
      ['__proto__']: 'not a prototype',
      notes: null,
      tags: ['pending', 'shipped'],
      updated_at: '2026-11-25T10:00:00.123456Z',
    });
    expect(Object.getPrototypeOf(decoded.values)).toBe(Object.prototype);
    expect(JSON.stringify(decoded.values)).toContain('"__proto__":"not a prototype"');
  });

  it('leaves out an unchanged TOAST value and names it, unlike a NULL', () => {
    const decoded = decodeRow(columns, { ...tuple, notes: undefined, tags: undefined }, probe.catalog);
    expect(decoded.unchangedToast).toEqual(['notes', 'tags']);
    expect(decoded.values).toEqual({
      id: 42,
      status: 'shipped',
      ['__proto__']: 'not a prototype',
      updated_at: '2026-11-25T10:00:00.123456Z',
    });
    expect('notes' in decoded.values).toBe(false);
  });

  it('throws when the tuple lacks a column of its relation', () => {
    const { notes: _notes, ...withoutNotes } = tuple;
    const error = thrownBy(() => decodeRow(columns, withoutNotes, probe.catalog));
    expect(error).toBeInstanceOf(ValueDecodeError);
    expect(error).toMatchObject({
      message: 'column notes is missing from the tuple',
      column: 'notes',
      typeName: 'text',
    });
  });

  it('names the column whose value cannot be decoded', () => {
    const error = thrownBy(() =>
      decodeRow(columns, { ...tuple, updated_at: '25/11/2026 10:00:00 UTC' }, probe.catalog),
    );
    expect(error).toBeInstanceOf(ValueDecodeError);
    expect(error).toMatchObject({ column: 'updated_at', typeName: 'timestamptz' });
    expect((error as Error).message).toMatch(/^column updated_at: cannot decode "25\/11\/2026/);
  });
});

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
