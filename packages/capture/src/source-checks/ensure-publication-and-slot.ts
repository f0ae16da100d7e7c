import type pg from 'pg';
import type { SourceTableChoice } from './source-check-report';
import { connectToSource, quoteIdent } from './source-client';

export interface EnsurePublicationAndSlotOptions {
  publicationName: string;
  slotName: string;
  tables: SourceTableChoice[];
  /**
   * Adds chosen tables an existing publication lacks (ALTER PUBLICATION … ADD TABLE). Off by
   * default: a publication Shardline did not create may be shared with other subscribers.
   */
  addMissingTables?: boolean;
}

export interface EnsurePublicationAndSlotResult {
  publicationCreated: boolean;
  /** `schema.name` of the tables added to an existing publication. */
  tablesAdded: string[];
  slotCreated: boolean;
}

// 42710 duplicate_object; 23505 is what a concurrent CREATE PUBLICATION of the same name hits.
const ALREADY_EXISTS = new Set(['42710', '23505']);

/**
 * Creates the publication (for `tables`) and the pgoutput slot when they do not exist; safe to
 * run again and from several processes at once. An existing publication is only extended when
 * asked to (addMissingTables); otherwise checkSource tells the operator what it lacks.
 */
export async function ensurePublicationAndSlot(
  clientConfig: pg.ClientConfig,
  options: EnsurePublicationAndSlotOptions,
): Promise<EnsurePublicationAndSlotResult> {
  const client = await connectToSource(clientConfig);
  try {
    // Engines starting together would otherwise race to create the same objects.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`shardline:ensure:${options.slotName}`]);
    // First the publication: pgoutput looks it up as of each change it decodes, so a slot older
    // than its publication fails on the changes in between.
    const publicationCreated = await ensurePublication(client, options.publicationName, options.tables);
    const tablesAdded =
      !publicationCreated && options.addMissingTables
        ? await addMissingTables(client, options.publicationName, options.tables)
        : [];
    const slotCreated = await ensureSlot(client, options.slotName);
    return { publicationCreated, tablesAdded, slotCreated };
  } finally {
    // Ending the session releases the advisory lock.
    await client.end().catch(() => {});
  }
}

async function ensurePublication(
  client: pg.Client,
  name: string,
  tables: SourceTableChoice[],
): Promise<boolean> {
  const existing = await client.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [name]);
  if (existing.rowCount) return false;
  const forTables =
    tables.length > 0
      ? ` FOR TABLE ${tables.map((table) => `${quoteIdent(table.schema || 'public')}.${quoteIdent(table.name)}`).join(', ')}`
      : '';
  try {
    await client.query(`CREATE PUBLICATION ${quoteIdent(name)}${forTables}`);
    return true;
  } catch (error) {
    if (ALREADY_EXISTS.has((error as { code?: string }).code ?? '')) return false;
    throw new Error(`cannot create the publication "${name}": ${(error as Error).message}`, { cause: error });
  }
}

async function addMissingTables(
  client: pg.Client,
  name: string,
  tables: SourceTableChoice[],
): Promise<string[]> {
  // Tables that do not exist are left out: the statement would fail on them, and checkSource
  // names them already.
  const { rows } = await client.query<{ schema: string; name: string }>(
    `SELECT t.schema, t.name
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(schema, name, position)
       JOIN pg_namespace n ON n.nspname = t.schema
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.name AND c.relkind IN ('r', 'p')
      WHERE NOT EXISTS (SELECT 1 FROM pg_publication p WHERE p.pubname = $1 AND p.puballtables)
        AND c.oid NOT IN (
              SELECT r.prrelid FROM pg_publication_rel r JOIN pg_publication p ON p.oid = r.prpubid
               WHERE p.pubname = $1
              UNION ALL
              SELECT (quote_ident(pt.schemaname) || '.' || quote_ident(pt.tablename))::regclass::oid
                FROM pg_publication_tables pt WHERE pt.pubname = $1)
      ORDER BY t.position`,
    [name, tables.map((table) => table.schema || 'public'), tables.map((table) => table.name)],
  );
  if (rows.length === 0) return [];
  const list = rows.map((table) => `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`).join(', ');
  try {
    await client.query(`ALTER PUBLICATION ${quoteIdent(name)} ADD TABLE ${list}`);
  } catch (error) {
    throw new Error(`cannot add tables to the publication "${name}": ${(error as Error).message}`, {
      cause: error,
    });
  }
  return rows.map((table) => `${table.schema}.${table.name}`);
}

async function ensureSlot(client: pg.Client, name: string): Promise<boolean> {
  if (await usableSlotExists(client, name)) return false;
  try {
    await client.query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [name]);
    return true;
  } catch (error) {
    if (
      ALREADY_EXISTS.has((error as { code?: string }).code ?? '') &&
      (await usableSlotExists(client, name))
    ) {
      return false;
    }
    throw new Error(`cannot create the replication slot "${name}": ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** False when there is no such slot; throws when there is one Shardline cannot read. */
async function usableSlotExists(client: pg.Client, name: string): Promise<boolean> {
  const { rows } = await client.query<{
    slot_type: string;
    plugin: string | null;
    database: string | null;
    current: string;
  }>(
    `SELECT slot_type, plugin, database::text, current_database()::text AS current
       FROM pg_replication_slots WHERE slot_name = $1`,
    [name],
  );
  const slot = rows[0];
  if (!slot) return false;
  if (slot.slot_type !== 'logical' || slot.plugin !== 'pgoutput') {
    throw new Error(
      `the replication slot "${name}" exists with ${slot.slot_type === 'logical' ? `the plugin ${slot.plugin}` : 'no plugin (it is physical)'}; Shardline needs pgoutput: give the source another slot name`,
    );
  }
  if (slot.database !== slot.current) {
    throw new Error(
      `the replication slot "${name}" belongs to database "${slot.database}", not "${slot.current}": give the source another slot name`,
    );
  }
  return true;
}
