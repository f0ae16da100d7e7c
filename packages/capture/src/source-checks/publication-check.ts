import type { CheckContext } from './check-context';
import type { SourceCheck } from './source-check-report';
import { isReplicable, type TableFacts } from './table-facts';
import { count, list } from './wording';

interface PublicationRow {
  oid: number;
  allTables: boolean;
  insert: boolean;
  update: boolean;
  delete: boolean;
}

interface PublishedTable {
  oid: number;
  rowFilter: string | null;
  hasColumnList: boolean;
}

export async function checkPublication(context: CheckContext): Promise<SourceCheck> {
  const { publicationName } = context.options;
  const [server, allTables, quotedName] = await Promise.all([
    context.server(),
    context.tables(),
    context.quote(publicationName),
  ]);
  const tables = allTables.filter(isReplicable);
  const tableList = list(tables.map((table) => table.quoted));

  const publication = await readPublication(context, publicationName);
  if (!publication) {
    const create = `CREATE PUBLICATION ${quotedName}${tables.length > 0 ? ` FOR TABLE ${tableList}` : ''};`;
    const notOwned = tables.filter((table) => !table.owned);
    if (server.isSuperuser || (server.canCreateInDatabase && notOwned.length === 0)) {
      return {
        id: 'publication',
        status: 'ok',
        title: `The publication "${publicationName}" will be created`,
        detail: `It does not exist yet; Shardline creates it when it starts reading: ${create}`,
      };
    }
    const needs = [
      ...(server.canCreateInDatabase ? [] : [`the CREATE privilege on database "${server.database}"`]),
      ...(notOwned.length > 0 ? [`ownership of ${list(notOwned.map((table) => table.label))}`] : []),
    ];
    return {
      id: 'publication',
      status: 'error',
      title: `The publication "${publicationName}" does not exist, and "${server.user}" may not create it`,
      detail: `Creating it needs ${needs.join(' and ')}. Ask the tables' owner or a superuser to run: ${create}`,
    };
  }

  const published = publication.allTables
    ? null
    : await readPublishedTables(context, publication, publicationName);
  const uncovered = published ? tables.filter((table) => !published.has(table.oid ?? -1)) : [];
  const problems: string[] = [];
  if (uncovered.length > 0) {
    problems.push(
      `It does not include ${list(uncovered.map((table) => table.label))}, so changes of ` +
        `${uncovered.length === 1 ? 'that table' : 'those tables'} would not reach Shardline. ` +
        `As the owner of the publication (or a superuser), run: ALTER PUBLICATION ${quotedName} ADD TABLE ` +
        `${list(uncovered.map((table) => table.quoted))};`,
    );
  }
  const warnings = [
    ...missingActions(publication, quotedName),
    ...(published ? partialTables(tables, published) : []),
  ];
  if (problems.length > 0) {
    return {
      id: 'publication',
      status: 'error',
      title: `The publication "${publicationName}" does not cover ${count(uncovered.length, 'chosen table')}`,
      detail: [...problems, ...warnings].join(' '),
    };
  }
  if (warnings.length > 0) {
    return {
      id: 'publication',
      status: 'warning',
      title: `The publication "${publicationName}" leaves out some changes`,
      detail: warnings.join(' '),
    };
  }
  return {
    id: 'publication',
    status: 'ok',
    title: `The publication "${publicationName}" covers the chosen tables`,
    detail: publication.allTables
      ? 'It publishes every table of the database.'
      : tables.length === 0
        ? 'It exists.'
        : `It includes ${list(tables.map((table) => table.label))}.`,
  };
}

async function readPublication(context: CheckContext, name: string): Promise<PublicationRow | null> {
  const { rows } = await context.client.query<PublicationRow>(
    `SELECT oid::int AS oid, puballtables AS "allTables", pubinsert AS insert, pubupdate AS update,
            pubdelete AS delete
       FROM pg_publication WHERE pubname = $1`,
    [name],
  );
  return rows[0] ?? null;
}

/** Tables listed by name, by schema (FOR TABLES IN SCHEMA) or through a partitioned parent. */
async function readPublishedTables(
  context: CheckContext,
  publication: PublicationRow,
  name: string,
): Promise<Map<number, PublishedTable>> {
  const server = await context.server();
  // Row filters and column lists exist since PostgreSQL 15.
  const partial =
    server.versionNum >= 150000
      ? 'pg_get_expr(r.prqual, r.prrelid) AS "rowFilter", r.prattrs IS NOT NULL AS "hasColumnList"'
      : 'NULL::text AS "rowFilter", false AS "hasColumnList"';
  const { rows } = await context.client.query<PublishedTable>(
    `SELECT r.prrelid::int AS oid, ${partial} FROM pg_publication_rel r WHERE r.prpubid = $1
     UNION ALL
     SELECT (quote_ident(t.schemaname) || '.' || quote_ident(t.tablename))::regclass::oid::int, NULL, false
       FROM pg_publication_tables t WHERE t.pubname = $2`,
    [publication.oid, name],
  );
  const tables = new Map<number, PublishedTable>();
  for (const row of rows) if (!tables.has(row.oid)) tables.set(row.oid, row);
  return tables;
}

function missingActions(publication: PublicationRow, quotedName: string): string[] {
  const missing = (['insert', 'update', 'delete'] as const).filter((action) => !publication[action]);
  if (missing.length === 0) return [];
  return [
    `It does not publish ${list(missing.map((action) => `${action}s`))}, so those changes never reach Shardline. ` +
      `To publish them, run: ALTER PUBLICATION ${quotedName} SET (publish = 'insert, update, delete, truncate');`,
  ];
}

function partialTables(tables: TableFacts[], published: Map<number, PublishedTable>): string[] {
  return tables.flatMap((table) => {
    const entry = published.get(table.oid ?? -1);
    const notes: string[] = [];
    if (entry?.rowFilter) notes.push(`only rows where ${entry.rowFilter} are published for ${table.label}.`);
    if (entry?.hasColumnList)
      notes.push(`only some columns of ${table.label} are published (a column list).`);
    return notes.map((note) => note.charAt(0).toUpperCase() + note.slice(1));
  });
}
