/**
 * The source side of the golden test: a table with a column of every type the reader decodes,
 * twice (REPLICA IDENTITY FULL and DEFAULT), and the statements run against both.
 */

export const FULL_TABLE = 'all_types_full';
export const DEFAULT_TABLE = 'all_types_default';

const COLUMNS = `
  id bigint PRIMARY KEY,
  c_smallint smallint,
  c_integer integer,
  c_bigint bigint,
  c_numeric numeric,
  c_boolean boolean,
  c_text text,
  c_varchar varchar(64),
  c_uuid uuid,
  c_json json,
  c_jsonb jsonb,
  c_timestamp timestamp,
  c_timestamptz timestamptz,
  c_date date,
  c_time time,
  c_bytea bytea,
  c_int_array integer[],
  c_text_array text[],
  c_jsonb_array jsonb[],
  c_timestamptz_array timestamptz[],
  c_enum mood,
  c_enum_array mood[]`;

export const SCHEMA_SQL = `
  CREATE TYPE mood AS ENUM ('happy', 'sad', 'it''s "complicated"');
  CREATE TABLE ${FULL_TABLE} (${COLUMNS});
  ALTER TABLE ${FULL_TABLE} REPLICA IDENTITY FULL;
  CREATE TABLE ${DEFAULT_TABLE} (${COLUMNS});
`;

// Values in column order after id. Row 1 is ordinary data with the hard cases (a bigint past
// 2^53, a numeric past a double's precision, a UTC offset to convert, quotes and NULL inside
// arrays), row 2 is NULL everywhere, row 3 holds the types' edges.
const ROWS = [
  `1, 12, 2147483647, 9007199254740993, 12345678901234567890.123456789, true,
   'Grüße, "quoted" and back\\slash', 'varchar ✓', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
   '{"z": 1, "a": [1, 2.5, "x", null, true], "nested": {"deep": {"deeper": [{"k": "v"}]}}}',
   '{"order": {"id": 42, "lines": [{"sku": "A-1", "qty": 2, "price": 12.5}], "tags": ["x", "y"], "paid": true, "note": null}}',
   '2026-11-25 10:00:00.123456', '2026-11-25 12:00:00.123456+02', '2026-11-25', '23:59:59.999999',
   '\\x00ff10deadbeef', '{1,2,3}',
   ARRAY['plain', NULL, 'with "quotes"', 'NULL', 'comma, inside', '', 'back\\slash', '{braces}'],
   ARRAY['{"a": 1}', '[1, "two"]', 'null', '"str"']::jsonb[],
   ARRAY['2026-11-25 10:00:00.5+00', '2026-01-01 00:00:00.000001+05:30']::timestamptz[],
   'happy', '{happy,sad,"it''s \\"complicated\\""}'`,
  `2${', NULL'.repeat(21)}`,
  `3, -32768, -2147483648, -9223372036854775808, 0.1, false, '', '',
   '00000000-0000-0000-0000-000000000000', '"just a string"', '[]',
   '1999-12-31 23:59:59', '2026-01-01 00:00:00+00', '0044-03-15 BC', '00:00:00', '\\x',
   '{{1,2},{3,NULL}}', '{}', '{}', '{}', 'it''s "complicated"', '{}'`,
];

/**
 * Transactions to run in order, each a list of statements applied to both tables in turn, so
 * each transaction carries the same change of both.
 */
const CHANGES: string[][] = [
  ROWS.map((values) => `INSERT INTO {table} VALUES (${values})`),
  [
    `UPDATE {table} SET c_integer = c_integer - 1, c_numeric = 12.50, c_text = 'changed',
       c_jsonb = jsonb_set(c_jsonb, '{order,paid}', 'false'),
       c_timestamptz = '2026-12-01 00:00:00.000001+00', c_int_array = '{3,2,1}', c_enum_array = '{sad}'
     WHERE id = 1`,
  ],
  [
    `UPDATE {table} SET c_smallint = 1, c_bigint = 9007199254740991, c_text = 'was null',
       c_uuid = 'b1ffcd88-8d1a-4ef9-9c7e-7cca0e491b22', c_enum = 'sad', c_text_array = ARRAY[NULL]::text[]
     WHERE id = 2`,
  ],
  [
    `UPDATE {table} SET c_bigint = NULL, c_boolean = NULL, c_bytea = '\\x01', c_text_array = NULL WHERE id = 3`,
  ],
  // A new primary key: without FULL, Postgres sends the old key.
  [`UPDATE {table} SET id = 4 WHERE id = 3`],
  [1, 2, 4].map((id) => `DELETE FROM {table} WHERE id = ${id}`),
];

/** One SQL string per transaction (a multi-statement query runs as one transaction). */
export function changeTransactions(): string[] {
  return CHANGES.map((statements) =>
    statements
      .flatMap((statement) => [FULL_TABLE, DEFAULT_TABLE].map((table) => statement.replace('{table}', table)))
      .join(';\n'),
  );
}

/** Messages each table produces: 3 inserts, 4 updates, 3 deletes. */
export const MESSAGES_PER_TABLE = 10;
