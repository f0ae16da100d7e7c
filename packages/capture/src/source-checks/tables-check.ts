import type { CheckContext } from './check-context';
import type { SourceCheck } from './source-check-report';
import { isReplicable } from './table-facts';
import { count, list } from './wording';

const KIND_NAMES: Record<string, string> = {
  v: 'a view',
  m: 'a materialized view',
  f: 'a foreign table',
  S: 'a sequence',
  i: 'an index',
  c: 'a composite type',
};

export async function checkTables(context: CheckContext): Promise<SourceCheck> {
  const tables = await context.tables();
  const server = await context.server();
  if (tables.length === 0) {
    return {
      id: 'tables',
      status: 'ok',
      title: 'No tables chosen yet',
      detail: 'Sinks choose the tables they take; their primary keys and replica identity are checked then.',
    };
  }
  const missing = tables.filter((table) => table.kind === null);
  const notTables = tables.filter((table) => table.kind !== null && !isReplicable(table));
  const problems: string[] = [];
  if (missing.length > 0) {
    problems.push(
      `Database "${server.database}" has no table ${list(missing.map((table) => table.label))}. ` +
        'Check the schema and table names (they are case-sensitive), or create the tables first.',
    );
  }
  for (const table of notTables) {
    problems.push(
      `${table.label} is ${KIND_NAMES[table.kind ?? ''] ?? 'not a table'}: only tables can be replicated.`,
    );
  }
  if (problems.length > 0) {
    const bad = missing.length + notTables.length;
    return {
      id: 'tables',
      status: 'error',
      title:
        notTables.length === 0
          ? `${count(bad, 'chosen table does', 'chosen tables do')} not exist`
          : `${count(bad, 'chosen table', 'chosen tables')} cannot be replicated`,
      detail: problems.join(' '),
    };
  }

  // Streaming changes needs no SELECT privilege, but backfilling existing rows does.
  const unreadable = tables.filter((table) => !table.canSelect);
  if (unreadable.length > 0) {
    return {
      id: 'tables',
      status: 'warning',
      title: `"${server.user}" cannot read ${count(unreadable.length, 'table')}`,
      detail:
        `Changes will stream, but backfilling existing rows of ${list(unreadable.map((table) => table.label))} ` +
        `needs the SELECT privilege. Run: GRANT SELECT ON ${list(unreadable.map((table) => table.quoted))} TO ${server.quotedUser};`,
    };
  }
  return {
    id: 'tables',
    status: 'ok',
    title: tables.length === 1 ? 'The chosen table exists' : `All ${tables.length} chosen tables exist`,
    detail: `${list(tables.map((table) => table.label))}.`,
  };
}
