import type { BackfillNarrowing } from '@shardline/db';
import type { RelationInfo } from '../reader/build-message';
import { parseLsn } from '../reader/lsn';
import { decodeRow } from '../values/decode-row';
import type { JsonValue } from '../values/json-value';
import { BackfillRefusal } from './backfill-refusal';
import type { BackfillSource } from './backfill-source';
import { extendedQuery } from './extended-query';
import { pageStatements } from './page-sql';
import { describeTable } from './table-shape';

export interface PageRow {
  record: Record<string, JsonValue>;
  /** Each primary key column as Postgres prints it. */
  key: string[];
}

/** A page read and still locked: its rows cannot change until release(). */
export interface LockedPage {
  relation: RelationInfo;
  rows: PageRow[];
  /** Where the next page starts: the key the page was bounded by (or its last row's, at the end). */
  cursor: string[] | null;
  /** The table has no row after this page (rows inserted later arrive as changes). */
  complete: boolean;
  /** The source's WAL insert position while the rows were locked: every read's commit_lsn. */
  lsn: bigint;
  /** When the page was read (UTC, microseconds): every read's commit_timestamp. */
  readAt: string;
  /** Ends the source transaction, releasing the row locks. Call it only once the page is stored. */
  release(): Promise<void>;
  /** Ends it without keeping anything (the locks go too). */
  abandon(): Promise<void>;
}

// Every value as the text its type's output function prints, exactly what pgoutput sends: a cast
// to text would differ for some types (boolean `true` against `t`, inet's added /32, char(n)
// losing its padding), and the columns keep their real type OIDs for the decoder.
const RAW_TEXT = { getTypeParser: () => (text: string) => text };

const PAGE_LOCK_TIMEOUT_MS = 250;

/**
 * Reads the next page of a table after `after`, in primary-key order (see pageStatements), kept to
 * the rows its narrowing (condition, key range) and the publication's row filter select, FOR
 * SHARE: the read waits for transactions writing those rows, and transactions that would write
 * them wait for ours. So the page shows every change committed before it and none after, and any
 * later change of its rows commits after this transaction, at a WAL position above `lsn`.
 */
export async function readLockedPage(
  source: BackfillSource,
  table: BackfillNarrowing & {
    schema: string;
    name: string;
    after: string[] | null;
    publicationName: string;
  },
  limit: number,
): Promise<LockedPage> {
  const { client } = source;
  await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
  const abandon = () => client.query('ROLLBACK').then(() => undefined);
  try {
    // Rows are locked in key order, so an application transaction updating two of them in
    // another order can deadlock with the page. Giving up first (long before deadlock_timeout,
    // 1 s by default) makes the page the one that yields and is read again, not the application.
    await client.query(`SET LOCAL lock_timeout = ${PAGE_LOCK_TIMEOUT_MS}`);
    const shape = await describeTable(source, table);
    if (table.after && table.after.length !== shape.primaryKey.length) {
      throw new BackfillRefusal(
        `the primary key of ${table.schema}.${table.name} changed during the backfill, so its cursor no longer applies: start a new backfill`,
      );
    }
    const statements = pageStatements(shape, table.after, limit, table);
    const bound = await client.query<unknown[]>(
      extendedQuery({ ...statements.bound, rowMode: 'array', types: RAW_TEXT }),
    );
    const last = bound.rows[0];
    // Fewer rows than a page: the table's last page, read up to its end.
    const complete = Number(last?.at(-1) ?? 0) < limit;
    const upper = complete ? null : ((last?.slice(0, -1) ?? []) as string[]);
    const result = await client.query<unknown[]>(
      extendedQuery({ ...statements.rows(upper), rowMode: 'array', types: RAW_TEXT }),
    );
    // The insert position, not pg_current_wal_lsn(): a commit can be visible before it is
    // written out (synchronous_commit off), and its position must still fall below ours.
    const position = await client.query<{ lsn: string; read_at: string }>(
      `SELECT pg_current_wal_insert_lsn()::text AS lsn,
              to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS read_at`,
    );
    const columns = result.fields
      .slice(0, shape.columns.length)
      .map((field) => ({ name: field.name, typeOid: field.dataTypeID }));
    await source.types.resolve(columns.map((column) => column.typeOid));
    const rows = result.rows.map((values) => ({
      record: decodeRow(
        columns,
        Object.fromEntries(columns.map((column, index) => [column.name, values[index] as string | null])),
        source.types,
      ).values,
      key: values.slice(columns.length) as string[],
    }));
    return {
      relation: {
        oid: shape.oid,
        schema: table.schema,
        name: table.name,
        primaryKey: shape.primaryKey.map((key) => key.name),
        fullOldRows: false,
      },
      rows,
      cursor: upper ?? rows.at(-1)?.key ?? table.after,
      complete,
      lsn: parseLsn(position.rows[0]?.lsn ?? ''),
      readAt: position.rows[0]?.read_at ?? '',
      release: () => client.query('COMMIT').then(() => undefined),
      abandon,
    };
  } catch (error) {
    await abandon().catch(() => {});
    throw error;
  }
}
