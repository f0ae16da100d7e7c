import { describe, expect, it } from 'vitest';
import { useValueProbe } from './value-probe';

describe('decoding arrays', () => {
  const values = useValueProbe();

  it('decodes each element with its type and NULL elements as null', async () => {
    expect(await values.probe.decode('ARRAY[1, NULL, 3]::int4[]')).toEqual([1, null, 3]);
    expect(await values.probe.decode("'{}'::int4[]")).toEqual([]);
    expect(await values.probe.decode('NULL::int4[]')).toBeNull();
    expect(await values.probe.decode('ARRAY[true, NULL, false]')).toEqual([true, null, false]);
  });

  it('unquotes strings with commas, quotes, backslashes, braces, spaces and the word NULL', async () => {
    const strings = ['a,b', 'say "hi"', 'back\\slash', '{}', 'NULL', '', ' padded ', 'ü 🌍', 'x'];
    const literal = strings.map((value) => `'${value}'`).join(', ');
    expect(await values.probe.text(`ARRAY[${literal}, NULL]::text[]`)).toMatchObject({
      text: '{"a,b","say \\"hi\\"","back\\\\slash","{}","NULL",""," padded ","ü 🌍",x,NULL}',
    });
    expect(await values.probe.decode(`ARRAY[${literal}, NULL]::text[]`)).toEqual([...strings, null]);
    expect(await values.probe.decode(`ARRAY[${literal}]::varchar[]`)).toEqual(strings);
  });

  it('nests multi-dimensional arrays', async () => {
    expect(await values.probe.decode('ARRAY[[1, 2], [3, NULL]]::int4[]')).toEqual([
      [1, 2],
      [3, null],
    ]);
    expect(await values.probe.decode("ARRAY[['a', 'b,c'], [NULL, '}']]::text[]")).toEqual([
      ['a', 'b,c'],
      [null, '}'],
    ]);
    expect(await values.probe.decode("'{{{1},{2}},{{3},{4}}}'::int8[]")).toEqual([
      [[1], [2]],
      [[3], [4]],
    ]);
  });

  it('drops explicit lower bounds', async () => {
    expect(await values.probe.text("'[0:2]={7,8,9}'::int4[]")).toMatchObject({ text: '[0:2]={7,8,9}' });
    expect(await values.probe.decode("'[0:2]={7,8,9}'::int4[]")).toEqual([7, 8, 9]);
  });

  it('int8[] and numeric[] keep big values as strings', async () => {
    expect(await values.probe.decode('ARRAY[1, 9223372036854775807, NULL]::int8[]')).toEqual([
      1,
      '9223372036854775807',
      null,
    ]);
    expect(
      await values.probe.decode("ARRAY['12.50', '123456789012345678901234', 'NaN', NULL]::numeric[]"),
    ).toEqual([12.5, '123456789012345678901234', 'NaN', null]);
  });

  it('float arrays keep non-finite values as strings', async () => {
    expect(await values.probe.decode("ARRAY[0.1, 'NaN', '-Infinity']::float8[]")).toEqual([
      0.1,
      'NaN',
      '-Infinity',
    ]);
    expect(await values.probe.decode('ARRAY[1.5, NULL]::float4[]')).toEqual([1.5, null]);
  });

  it('jsonb[] and json[] hold nested JSON', async () => {
    expect(
      await values.probe.decode(`ARRAY['{"a": [1, {"b": "x,y"}]}', '[1, "two"]', 'null', NULL]::jsonb[]`),
    ).toEqual([{ a: [1, { b: 'x,y' }] }, [1, 'two'], null, null]);
    expect(await values.probe.decode(`ARRAY['{"q": "say \\"hi\\" \\\\ bye"}']::json[]`)).toEqual([
      { q: 'say "hi" \\ bye' },
    ]);
  });

  it('date and time arrays', async () => {
    expect(
      await values.probe.decode(
        "ARRAY['2026-11-25 10:00:00.123456+00', '2026-11-25 12:00:00+02', NULL, 'infinity']::timestamptz[]",
      ),
    ).toEqual(['2026-11-25T10:00:00.123456Z', '2026-11-25T10:00:00Z', null, 'infinity']);
    expect(
      await values.probe.decode("ARRAY['2026-11-25 10:00:00', '0044-03-15 10:00:00 BC']::timestamp[]"),
    ).toEqual(['2026-11-25T10:00:00', '-0043-03-15T10:00:00']);
    expect(await values.probe.decode("ARRAY['2026-11-25'::date, NULL]")).toEqual(['2026-11-25', null]);
    expect(await values.probe.decode("ARRAY['10:00:00.5+02'::timetz]")).toEqual(['10:00:00.5+02:00']);
    expect(await values.probe.decode("ARRAY['1 day 2 hours'::interval, '0'::interval]")).toEqual([
      'P1DT2H',
      'PT0S',
    ]);
  });

  it('bytea[] and uuid[]', async () => {
    expect(await values.probe.decode("ARRAY['\\x0102ff', '\\x00', '', NULL]::bytea[]")).toEqual([
      'AQL/',
      'AA==',
      '',
      null,
    ]);
    expect(await values.probe.decode("ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, NULL]")).toEqual([
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      null,
    ]);
  });
});
