import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Shardline's own database is reached through use cases in packages/db, and nowhere else: one
// place to read a table's statements, tune an index or change a column (docs/decisions.md, "SQL
// lives in packages/db"). This reads the source files; it needs no database.

/** What reaches Shardline's database: SQL statements, and queries built with Prisma. */
const STATEMENTS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'SELECT … FROM', pattern: /\bSELECT\s[^`'";]*?\bFROM\s/ },
  { name: 'INSERT INTO', pattern: /\bINSERT\s+INTO\s/ },
  { name: 'UPDATE … SET', pattern: /\bUPDATE\s+[\w."]+\s+SET\s/ },
  { name: 'DELETE FROM', pattern: /\bDELETE\s+FROM\s/ },
  { name: 'LISTEN or NOTIFY', pattern: /\b(LISTEN|NOTIFY)\s+[\w${]/ },
  { name: 'raw Prisma query', pattern: /\$(queryRaw|executeRaw)(Unsafe)?\b/ },
  { name: 'Prisma transaction', pattern: /\.\$transaction\(/ },
  {
    name: 'Prisma model query',
    pattern:
      /\bprisma\s*\.\s*\w+\s*\.\s*(find\w*|create\w*|update\w*|upsert|delete\w*|count|aggregate|groupBy)\(/,
  },
  {
    name: '.query( with SQL',
    pattern:
      /\.query\s*(<[^>]*>)?\(\s*[`'"]\s*(SELECT|WITH|INSERT|UPDATE|DELETE|SET|BEGIN|COMMIT|ROLLBACK|LISTEN|LOCK|TRUNCATE|VACUUM|CREATE|ALTER|DROP)\b/i,
  },
];

/**
 * Source files that run SQL, with why it is not Shardline's store. Each entry is a file, not a
 * folder, so a new file next to them that reads Shardline's tables is still caught.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  // The user's source database: catalogs, publications, slots and the rows a backfill reads.
  'packages/capture/src/source-catalog/list-source-tables.ts': "a source's tables, from its catalog",
  'packages/capture/src/values/type-catalog.ts': "a source's column types, from its catalog",
  'packages/capture/src/source-checks/table-facts.ts': "a source's tables, keys and privileges",
  'packages/capture/src/source-checks/index-columns-sql.ts': "a source index's columns, as a SQL fragment",
  'packages/capture/src/source-checks/check-context.ts': "quoting names as the source's server does",
  'packages/capture/src/source-checks/slot-check.ts': "a source's replication slot",
  'packages/capture/src/source-checks/publication-check.ts': "a source's publication",
  'packages/capture/src/source-checks/server-facts.ts': "a source server's settings and roles",
  'packages/capture/src/source-checks/source-health-facts.ts': "a source's slot and publication",
  'packages/capture/src/reader/relation-registry.ts': "a source table's key columns",
  'packages/capture/src/reader/source-reader.ts': "a source's database name and slot position",
  'packages/capture/src/reader/reader-lock.ts': 'an advisory lock on the source, one reader per slot',
  'packages/capture/src/backfill/read-page.ts': "a page of a source table's rows",
  'packages/capture/src/backfill/backfill-source.ts': "a source server's version",
  'packages/capture/src/backfill/estimate-rows.ts': "a source table's size estimate",
  'packages/capture/src/backfill/check-backfill-narrowing.ts': "a backfill's condition, tried on the source",
  'packages/capture/src/backfill/page-sql.ts': "the statements reading a source table's pages",
  'packages/capture/src/backfill/table-shape.ts': "a source table's columns and key",
  'packages/capture/src/publication/slot-drop.ts': "dropping a source's replication slot",
  'packages/capture/src/publication/slot-ensure.ts': "creating a source's replication slot",
  'packages/capture/src/publication/publication-session.ts': "a source's publication and its tables",
  'packages/alerts/src/slot-lag.ts': "the WAL a source's slot retains",
  // `npm start`: the server and the demo's own source database, before Shardline's exists.
  'packages/start/src/ensure-database.ts': 'creating a database on the server',
  'packages/start/src/preflight/check-postgres.ts': "the server's settings, checked before starting",
  'packages/start/src/demo/demo-database.ts': "the demo source database's table",
  'packages/start/src/demo/demo-trickle.ts': 'the changes the demo makes to its source table',
  'packages/start/src/demo/oversize-order.ts': 'the oversize row the demo writes to its source table',
  'packages/start/src/demo/wait-until-captured.ts': "the demo source's replication slot",
  // The test harness: creating and dropping databases, roles and slots around tests.
  'packages/testing/src/test-database.ts': 'creating and dropping test databases',
  'packages/testing/src/template-database.ts': 'building the migrated template database',
  'packages/testing/src/source-database.ts': 'source databases and roles for tests',
  'packages/testing/src/wait-until-streamed.ts': "a test source's replication slot",
};

/** Folders not read: packages/db itself, dependencies and generated or built files. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'generated', '.next', 'dist', '.turbo', 'test', 'fixtures']);
/** Tests reach the store directly to arrange and inspect it; the benchmarks measure it so. */
const isTest = (path: string) => /\.test\.tsx?$/.test(path) || path.startsWith('bench/');
const SCANNED_ROOTS = ['apps', 'packages', 'scripts', 'bench'];
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      return SKIPPED_FOLDERS.has(entry.name) || path === 'packages/db' ? [] : sourceFiles(root, path);
    }
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each statement in `text`, as `line: what`. */
function statementsIn(text: string): string[] {
  const found: string[] = [];
  for (const { name, pattern } of STATEMENTS) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const match of text.matchAll(global)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push(`${line}: ${name}`);
    }
  }
  return found;
}

describe('SQL lives in packages/db', () => {
  it('finds statements and Prisma queries, and not prose about them', () => {
    expect(statementsIn("await db.pool.query('SELECT 1')")).toEqual(['1: .query( with SQL']);
    expect(statementsIn('pool.query(`\n  SELECT id\n    FROM sink WHERE id = $1`)')).toEqual([
      '2: SELECT … FROM',
      '1: .query( with SQL',
    ]);
    expect(statementsIn('`UPDATE sink SET paused_at = now()`')).toEqual(['1: UPDATE … SET']);
    expect(statementsIn('const s = await db.prisma.sink.findUnique({ where: { id } });')).toEqual([
      '1: Prisma model query',
    ]);
    expect(statementsIn('await database().prisma.source.count()')).toEqual(['1: Prisma model query']);
    expect(statementsIn('await client.query(`LISTEN shardline_wake`)')).toEqual([
      '1: LISTEN or NOTIFY',
      '1: .query( with SQL',
    ]);
    expect(statementsIn("'needs the SELECT privilege. Run: GRANT SELECT ON t TO u;'")).toEqual([]);
    expect(statementsIn('// select the rows from the page, then update the counts')).toEqual([]);
  });

  it('has no statement against Shardline’s database outside packages/db', () => {
    const root = REPO_ROOT;
    const files = SCANNED_ROOTS.flatMap((dir) => sourceFiles(root, dir));
    expect(files.length).toBeGreaterThan(100);
    const outside = files
      .filter((path) => !isTest(path) && !(path in ALLOWED))
      .flatMap((path) =>
        statementsIn(readFileSync(join(root, path), 'utf8')).map((found) => `${path}:${found}`),
      );
    // Move each into a use case in packages/db (CONTRIBUTING.md, "Adding things"); only a file
    // that talks to a user's source database or to the server itself belongs in ALLOWED.
    expect(outside).toEqual([]);
  });

  it('allows only files that exist and run SQL', () => {
    const root = REPO_ROOT;
    const stale = Object.keys(ALLOWED).filter(
      (path) =>
        !existsSync(join(root, path)) || statementsIn(readFileSync(join(root, path), 'utf8')).length === 0,
    );
    expect(stale, 'allowed files that no longer exist or run no SQL: take them off the list').toEqual([]);
  });
});
