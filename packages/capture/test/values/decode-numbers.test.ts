import { describe, expect, it } from 'vitest';
import { useValueProbe } from './value-probe';

describe('decoding numbers', () => {
  const values = useValueProbe();

  it.each([
    ["'-32768'::int2", -32768],
    ['2147483647::int4', 2147483647],
    ['(-2147483648)::int4', -2147483648],
    ["'4294967295'::oid", 4294967295],
    ['0::int4', 0],
  ])('int2, int4 and oid: %s is a number', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it.each([
    ['9007199254740991::int8', 9007199254740991],
    ['(-9007199254740991)::int8', -9007199254740991],
    ['42::int8', 42],
    ['9007199254740992::int8', '9007199254740992'],
    ['(-9007199254740992)::int8', '-9007199254740992'],
    ['9223372036854775807::int8', '9223372036854775807'],
    ["'-9223372036854775808'::int8", '-9223372036854775808'],
  ])('int8: %s is a number only within the safe integer range', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it.each([
    ["'12.50'::numeric", 12.5],
    ["'0.1'::numeric", 0.1],
    ['3::numeric(10,2)', 3],
    ["'-0.000'::numeric", 0],
    ["'0.0000001'::numeric", 1e-7],
    ["'-123.456'::numeric", -123.456],
    ['9007199254740992::numeric', 9007199254740992],
    ["'1000000000000000000000'::numeric", 1e21],
    ["'123456789012345678901234'::numeric", '123456789012345678901234'],
    ["'1.00000000000000000001'::numeric", '1.00000000000000000001'],
    ['9007199254740993::numeric', '9007199254740993'],
    ["'0.30000000000000000001'::numeric(30,20)", '0.30000000000000000001'],
    ["'1e400'::numeric", `1${'0'.repeat(400)}`],
    ["'NaN'::numeric", 'NaN'],
    ["'Infinity'::numeric", 'Infinity'],
    ["'-Infinity'::numeric", '-Infinity'],
  ])('numeric: %s keeps every digit', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it.each([
    ["'0.1'::float8", 0.1],
    ["'0.1'::float4", 0.1],
    ["'3.4028235e38'::float4", 3.4028235e38],
    ["'1e300'::float8", 1e300],
    ["'2.2250738585072014e-308'::float8", 2.2250738585072014e-308],
    ['(1::float8 / 3)', 1 / 3],
    ["'-0'::float8", -0],
    ["'NaN'::float8", 'NaN'],
    ["'Infinity'::float4", 'Infinity'],
    ["'-Infinity'::float8", '-Infinity'],
  ])('float4 and float8: %s', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it('decodes SQL NULL of any numeric type as null', async () => {
    for (const type of ['int4', 'int8', 'numeric', 'float8']) {
      expect(await values.probe.decode(`NULL::${type}`)).toBeNull();
    }
  });
});
