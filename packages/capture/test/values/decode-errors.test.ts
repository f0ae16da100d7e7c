import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TYPES } from '../../src/values/builtin-types';
import { decodeValue } from '../../src/values/decode-value';
import type { PgTypeInfo } from '../../src/values/pg-type-info';
import { ValueDecodeError } from '../../src/values/value-decode-error';
import { openValueProbe, type ValueProbe } from './value-probe';

// Text from a session without the replication settings must fail loudly, not reach a consumer in
// another shape.
describe('decoding text produced without the replication session settings', () => {
  let database: TestDatabase;
  let probe: ValueProbe;
  beforeAll(async () => {
    database = await createTestDatabase();
    probe = await openValueProbe(
      database.url,
      '-c DateStyle=SQL,\\ DMY -c IntervalStyle=postgres -c bytea_output=escape -c TimeZone=UTC',
    );
  });
  afterAll(async () => {
    await probe?.close();
    await database?.drop();
  });

  it.each([
    ["'2026-11-25 10:00:00.123456+00'::timestamptz", 'timestamptz', '25/11/2026 10:00:00.123456 UTC'],
    ["'2026-11-25 10:00:00'::timestamp", 'timestamp', '25/11/2026 10:00:00'],
    ["'2026-11-25'::date", 'date', '25/11/2026'],
    ["'1 day 2 hours'::interval", 'interval', '1 day 02:00:00'],
    ["'\\x0102ff'::bytea", 'bytea', '\\001\\002\\377'],
  ])('%s throws a ValueDecodeError naming the type', async (expression, typeName, text) => {
    expect(await probe.text(expression)).toMatchObject({ text });
    const error = await probe.decode(expression).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValueDecodeError);
    expect(error).toMatchObject({ typeName, message: expect.stringContaining(`as ${typeName}: expected`) });
  });

  const builtin = (oid: number): PgTypeInfo => {
    const info = BUILTIN_TYPES.get(oid);
    if (!info) throw new Error(`no builtin ${oid}`);
    return info;
  };

  it.each([
    ['true', 16],
    ['1.5', 23],
    ['12abc', 20],
    ['1,5', 1700],
    ['', 701],
    ['{"a": ', 3802],
    ['{1,2', 1007],
    ['10:00', 1083],
    ['10:00:00', 1266],
  ])('rejects %j for type %i', (text, oid) => {
    expect(() => decodeValue(text, builtin(oid))).toThrow(ValueDecodeError);
  });

  it('shows only the start of a long value in the message', () => {
    expect(() => decodeValue(`x${'9'.repeat(10_000)}`, builtin(23))).toThrow(
      `cannot decode "x${'9'.repeat(39)}…" as int4: expected an integer`,
    );
  });
});
