import type { CheckContext } from './check-context';
import { notCheckedWithoutTables } from './not-checked-without-tables';
import type { SourceCheck } from './source-check-report';
import { isReplicable, type TableFacts } from './table-facts';
import { count, list } from './wording';

/**
 * Every table needs a group for its messages: the primary key, or the grouping columns a sink names.
 * One line per table in the detail, as in the replica identity check.
 */
export async function checkPrimaryKeys(context: CheckContext): Promise<SourceCheck> {
  const all = await context.tables();
  const tables = all.filter(isReplicable);
  if (all.length === 0) {
    return notCheckedWithoutTables('primary-keys', 'Primary keys');
  }
  if (tables.length === 0) {
    return {
      id: 'primary-keys',
      status: 'skipped',
      title: 'Primary keys not checked',
      detail: 'Not checked: none of the chosen tables exists (see the tables check).',
    };
  }

  const findings = tables.map(describeGrouping);
  const failing = findings.filter((finding) => finding.error);
  if (failing.length > 0) {
    return {
      id: 'primary-keys',
      status: 'error',
      title:
        failing.length === 1
          ? `${failing[0]?.table.label} cannot be grouped`
          : `${count(failing.length, 'table')} cannot be grouped`,
      detail: failing.map((finding) => finding.text).join('\n'),
    };
  }
  return {
    id: 'primary-keys',
    status: 'ok',
    title: 'Every table has a primary key or grouping columns',
    detail: findings.map((finding) => finding.text).join('\n'),
  };
}

function describeGrouping(table: TableFacts): { table: TableFacts; error: boolean; text: string } {
  const unknown = table.groupColumns.filter((column) => !table.columns.includes(column));
  if (unknown.length > 0) {
    return {
      table,
      error: true,
      text:
        `${table.label} has no column ${list(unknown.map((column) => `"${column}"`))}: grouping columns must ` +
        `be columns of the table (it has ${list(table.columns)}).`,
    };
  }
  const grouped =
    table.groupColumns.length > 0 ? `messages are grouped by ${list(table.groupColumns)}` : null;
  if (table.primaryKey.length > 0) {
    return {
      table,
      error: false,
      text: `${table.label}: primary key (${list(table.primaryKey)})${grouped ? `; ${grouped}` : ''}.`,
    };
  }
  if (grouped) return { table, error: false, text: `${table.label}: no primary key; ${grouped}.` };
  return {
    table,
    error: true,
    text:
      `${table.label} has no primary key, so its messages have no group. Name grouping columns for it in ` +
      `the sink, or add a primary key: ALTER TABLE ${table.quoted} ADD PRIMARY KEY (<columns>);`,
  };
}
