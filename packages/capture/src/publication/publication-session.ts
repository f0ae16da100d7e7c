import type pg from 'pg';
import type { SourceTableChoice } from '../source-checks/source-check-report';
import { connectToSource, quoteIdent } from '../source-checks/source-client';
import { explainPublicationRefusal } from './publication-refusal';
import { dropSlot } from './slot-drop';
import { ensureSlot } from './slot-ensure';

export interface PublicationNames {
  publicationName: string;
  slotName: string;
}

export interface EnsureOutcome {
  publicationCreated: boolean;
  /** `schema.name` of the tables added to an existing publication. */
  tablesAdded: string[];
  /** `schema.name` of chosen tables that do not exist on the source (left out; checks name them). */
  tablesMissing: string[];
  slotCreated: boolean;
}

// 42710 duplicate_object; 23505 is what a concurrent CREATE PUBLICATION of the same name hits.
const ALREADY_EXISTS = new Set(['42710', '23505']);

/**
 * A session on the source that holds the source's publication lock (a session advisory lock on
 * the source database, also taken by every engine that sets the publication up), so that the
 * changes of the publication and of Shardline's configuration made under it cannot interleave
 * with another request's: a table one request removes can never be one another just added.
 * The lock needs no transaction, so creating a slot under it waits for nothing of ours.
 */
export class PublicationSession {
  private constructor(
    private readonly client: pg.Client,
    private readonly names: PublicationNames,
  ) {}

  static async open(clientConfig: pg.ClientConfig, names: PublicationNames): Promise<PublicationSession> {
    const client = await connectToSource(clientConfig);
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`shardline:ensure:${names.slotName}`]);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    return new PublicationSession(client, names);
  }

  /**
   * Creates the publication (for `tables`) and the pgoutput slot when they do not exist, and
   * adds chosen tables an existing publication lacks. Tables that do not exist are left out
   * (the statement would fail on them) and reported.
   */
  async ensure(
    tables: readonly SourceTableChoice[],
    options: { addMissingTables: boolean },
  ): Promise<EnsureOutcome> {
    const existing = await this.#existingTables(tables);
    const tablesMissing = tables
      .map(labelOf)
      .filter((label) => !existing.some((table) => labelOf(table) === label));
    // First the publication: pgoutput looks it up as of each change it decodes, so a slot older
    // than its publication fails on the changes in between.
    const publicationCreated = await this.#createPublication(existing);
    const tablesAdded =
      !publicationCreated && options.addMissingTables ? await this.#addUnpublished(existing) : [];
    const slotCreated = await ensureSlot(this.client, this.names.slotName);
    return { publicationCreated, tablesAdded, tablesMissing, slotCreated };
  }

  /** Removes from the publication every table not in `keep`; returns their `schema.name`. */
  async removeTablesExcept(keep: readonly SourceTableChoice[]): Promise<string[]> {
    const { rows } = await this.client.query<{ schema: string; name: string }>(
      `SELECT pt.schemaname AS schema, pt.tablename AS name
         FROM pg_publication_tables pt JOIN pg_publication p ON p.pubname = pt.pubname
        WHERE pt.pubname = $1 AND NOT p.puballtables
          AND (pt.schemaname, pt.tablename) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))
        ORDER BY 1, 2`,
      [
        this.names.publicationName,
        keep.map((table) => table.schema || 'public'),
        keep.map((table) => table.name),
      ],
    );
    if (rows.length === 0) return [];
    const list = rows.map((table) => `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`).join(', ');
    try {
      await this.client.query(
        `ALTER PUBLICATION ${quoteIdent(this.names.publicationName)} DROP TABLE ${list}`,
      );
    } catch (error) {
      throw explainPublicationRefusal(
        error,
        `remove ${list} from the publication "${this.names.publicationName}"`,
      );
    }
    return rows.map(labelOf);
  }

  /**
   * Drops the slot (so the server stops keeping WAL for it) and, when `dropPublication`, the
   * publication. Waits up to `releaseWaitMs` for a reader that is stopping to let go of the slot.
   */
  async dropSlotAndPublication(options: { dropPublication: boolean; releaseWaitMs: number }): Promise<{
    slotDropped: boolean;
    publicationDropped: boolean;
  }> {
    const slotDropped = await dropSlot(this.client, this.names.slotName, options.releaseWaitMs);
    if (!options.dropPublication) return { slotDropped, publicationDropped: false };
    const found = await this.client.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [
      this.names.publicationName,
    ]);
    await this.client.query(`DROP PUBLICATION IF EXISTS ${quoteIdent(this.names.publicationName)}`);
    return { slotDropped, publicationDropped: Boolean(found.rowCount) };
  }

  /**
   * The source's WAL insert position now: every transaction that commits later has its commit
   * record at or after it.
   */
  async walInsertPosition(): Promise<bigint> {
    const { rows } = await this.client.query<{ lsn: string }>(
      "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text AS lsn",
    );
    return BigInt(rows[0]?.lsn ?? '0');
  }

  /** Ends the session, which releases the lock. */
  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }

  async #existingTables(
    tables: readonly SourceTableChoice[],
  ): Promise<Array<{ schema: string; name: string }>> {
    const { rows } = await this.client.query<{ schema: string; name: string }>(
      `SELECT t.schema, t.name
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(schema, name, position)
         JOIN pg_namespace n ON n.nspname = t.schema
         JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.name AND c.relkind IN ('r', 'p')
        ORDER BY t.position`,
      [tables.map((table) => table.schema || 'public'), tables.map((table) => table.name)],
    );
    return rows;
  }

  async #createPublication(tables: ReadonlyArray<{ schema: string; name: string }>): Promise<boolean> {
    const { publicationName } = this.names;
    const existing = await this.client.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [
      publicationName,
    ]);
    if (existing.rowCount) return false;
    const forTables = tables.length > 0 ? ` FOR TABLE ${tables.map(qualified).join(', ')}` : '';
    try {
      await this.client.query(`CREATE PUBLICATION ${quoteIdent(publicationName)}${forTables}`);
      return true;
    } catch (error) {
      if (ALREADY_EXISTS.has((error as { code?: string }).code ?? '')) return false;
      throw explainPublicationRefusal(error, `create the publication "${publicationName}"${forTables}`);
    }
  }

  async #addUnpublished(tables: ReadonlyArray<{ schema: string; name: string }>): Promise<string[]> {
    const { publicationName } = this.names;
    const { rows } = await this.client.query<{ schema: string; name: string }>(
      `SELECT t.schema, t.name
         FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(schema, name, position)
        WHERE NOT EXISTS (SELECT 1 FROM pg_publication p WHERE p.pubname = $1 AND p.puballtables)
          AND NOT EXISTS (SELECT 1 FROM pg_publication_tables pt
                           WHERE pt.pubname = $1 AND pt.schemaname = t.schema AND pt.tablename = t.name)
        ORDER BY t.position`,
      [publicationName, tables.map((table) => table.schema), tables.map((table) => table.name)],
    );
    if (rows.length === 0) return [];
    const list = rows.map(qualified).join(', ');
    try {
      await this.client.query(`ALTER PUBLICATION ${quoteIdent(publicationName)} ADD TABLE ${list}`);
    } catch (error) {
      throw explainPublicationRefusal(error, `add ${list} to the publication "${publicationName}"`);
    }
    return rows.map(labelOf);
  }
}

function qualified(table: { schema: string; name: string }): string {
  return `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
}

function labelOf(table: { schema: string; name: string }): string {
  return `${table.schema || 'public'}.${table.name}`;
}
