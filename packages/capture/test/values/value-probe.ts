import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import type { CustomTypesConfig } from 'pg';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { decodeValue } from '../../src/values/decode-value';
import type { JsonValue } from '../../src/values/json-value';
import { sessionOptionsString } from '../../src/values/session-settings';
import { TypeCatalog } from '../../src/values/type-catalog';

// Every result column as the text of its type's output function, which is what pgoutput sends. A
// `::text` cast is not the same: bool::text is 'true', bpchar::text drops the padding.
const OUTPUT_TEXT = { getTypeParser: () => (text: string) => text } as unknown as CustomTypesConfig;

export interface ValueProbe {
  client: pg.Client;
  catalog: TypeCatalog;
  /** The output text of a SQL expression, and the OID of its type. */
  text(expression: string): Promise<{ text: string | null; oid: number }>;
  /** The expression's text, decoded with the descriptor TypeCatalog gives its type. */
  decode(expression: string): Promise<JsonValue>;
  close(): Promise<void>;
}

/** A connection with the replication session settings (or `options` instead) and a catalog on it. */
export async function openValueProbe(url: string, options = sessionOptionsString()): Promise<ValueProbe> {
  const client = new pg.Client({ connectionString: url, options, types: OUTPUT_TEXT });
  await client.connect();
  const catalog = new TypeCatalog((sql, params) => client.query(sql, params));
  const text = async (expression: string) => {
    const result = await client.query(
      `SELECT v, pg_catalog.pg_typeof(v)::pg_catalog.oid AS oid FROM (SELECT ${expression} AS v) AS probe`,
    );
    const row = result.rows[0] as { v: string | null; oid: string };
    return { text: row.v, oid: Number(row.oid) };
  };
  return {
    client,
    catalog,
    text,
    async decode(expression) {
      const { text: value, oid } = await text(expression);
      await catalog.resolve([oid]);
      return decodeValue(value, catalog.describe(oid));
    },
    close: () => client.end(),
  };
}

/**
 * A fresh database and a probe on it for the enclosing `describe` block, closed after it. The
 * fields are filled in before the block's tests run.
 */
export function useValueProbe(): { probe: ValueProbe; database: TestDatabase } {
  const context = {} as { probe: ValueProbe; database: TestDatabase };
  beforeAll(async () => {
    context.database = await createTestDatabase();
    context.probe = await openValueProbe(context.database.url);
  });
  afterAll(async () => {
    await context.probe?.close();
    await context.database?.drop();
  });
  return context;
}
