import { describe, expect, it } from 'vitest';
import { useValueProbe } from './value-probe';

describe('decoding booleans, strings, JSON and bytea', () => {
  const values = useValueProbe();

  it('bool', async () => {
    expect(await values.probe.decode('true')).toBe(true);
    expect(await values.probe.decode('false')).toBe(false);
    expect(await values.probe.decode('NULL::bool')).toBeNull();
  });

  it.each([
    ["'héllo wörld 🌍 日本語'::text", 'héllo wörld 🌍 日本語'],
    ["''::text", ''],
    ['E\'two\\nlines, a "quote" and a \\\\ backslash\'::text', 'two\nlines, a "quote" and a \\ backslash'],
    ["'abc'::varchar(10)", 'abc'],
    // bpchar's output keeps the padding; only a cast to text trims it.
    ["'ab'::char(5)", 'ab   '],
    ["'pg_class'::name", 'pg_class'],
    ['\'x\'::"char"', 'x'],
    ["'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid", 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
    ["'1234.5'::money", '$1,234.50'],
    ["'-0.99'::money", '-$0.99'],
    ["'192.168.0.1'::inet", '192.168.0.1'],
    ["'10.0.0.0/8'::cidr", '10.0.0.0/8'],
    ["'08:00:2b:01:02:03'::macaddr", '08:00:2b:01:02:03'],
    ["'<a>b &amp; c</a>'::xml", '<a>b &amp; c</a>'],
  ])('%s is its text', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });

  it('jsonb becomes nested JSON, never a string', async () => {
    expect(
      await values.probe.decode(
        `'{"id": 7, "tags": ["a", ["b", {"c": null}]], "ok": true, "price": 12.5, "name": "ü"}'::jsonb`,
      ),
    ).toEqual({ id: 7, tags: ['a', ['b', { c: null }]], ok: true, price: 12.5, name: 'ü' });
    expect(await values.probe.decode(`'[1, "two", [3.5, [false]]]'::jsonb`)).toEqual([
      1,
      'two',
      [3.5, [false]],
    ]);
    expect(await values.probe.decode(`'"just a string"'::jsonb`)).toBe('just a string');
    expect(await values.probe.decode(`'42'::jsonb`)).toBe(42);
  });

  it('json keeps its own key order and whitespace does not matter', async () => {
    const value = await values.probe.decode(`'{ "b": 1,\n "a": {"x": [ ] } }'::json`);
    expect(value).toEqual({ b: 1, a: { x: [] } });
    expect(Object.keys(value as object)).toEqual(['b', 'a']);
  });

  it('a JSON null and an SQL NULL both become null', async () => {
    expect(await values.probe.decode(`'null'::jsonb`)).toBeNull();
    expect(await values.probe.decode('NULL::jsonb')).toBeNull();
  });

  it.each([
    ["'\\x0102ff'::bytea", 'AQL/'],
    ["'\\x000000'::bytea", 'AAAA'],
    ["'\\x00ff00ff'::bytea", 'AP8A/w=='],
    ["''::bytea", ''],
    ["convert_to('héllo', 'UTF8')", Buffer.from('héllo').toString('base64')],
  ])('bytea %s becomes base64', async (expression, expected) => {
    expect(await values.probe.decode(expression)).toBe(expected);
  });
});
