import type { CheckContext } from './check-context';
import { notCheckedWithoutTables } from './not-checked-without-tables';
import type { SourceCheck, SourceCheckStatus } from './source-check-report';
import { isReplicable, type TableFacts } from './table-facts';
import { list } from './wording';

interface Finding {
  status: Extract<SourceCheckStatus, 'ok' | 'warning' | 'error'>;
  text: string;
}

/** What each table's replica identity gives the messages: old values in `changes` and in deletes. */
export async function checkReplicaIdentity(context: CheckContext): Promise<SourceCheck> {
  const all = await context.tables();
  const tables = all.filter(isReplicable);
  if (all.length === 0) {
    return notCheckedWithoutTables('replica-identity', 'Replica identity');
  }
  if (tables.length === 0) {
    return {
      id: 'replica-identity',
      status: 'skipped',
      title: 'Replica identity not checked',
      detail: 'Not checked: none of the chosen tables exists (see the tables check).',
    };
  }

  const findings = tables.map(describeIdentity);
  const labelsWith = (status: Finding['status']) =>
    tables.filter((_, index) => findings[index]?.status === status).map((table) => table.label);
  const errors = labelsWith('error');
  const warnings = labelsWith('warning');
  const detail = findings.map((finding) => finding.text).join('\n');
  if (errors.length > 0) {
    return {
      id: 'replica-identity',
      status: 'error',
      title: `Updates and deletes of ${list(errors)} cannot be replicated`,
      detail,
    };
  }
  if (warnings.length > 0) {
    return {
      id: 'replica-identity',
      status: 'warning',
      title: `${list(warnings)} ${warnings.length === 1 ? 'does' : 'do'} not send old values`,
      detail,
    };
  }
  return {
    id: 'replica-identity',
    status: 'ok',
    title: tables.length === 1 ? 'The table sends old values' : 'Every table sends old values',
    detail,
  };
}

function describeIdentity(table: TableFacts): Finding {
  const full = `To get them, run: ALTER TABLE ${table.quoted} REPLICA IDENTITY FULL;`;
  // Postgres itself refuses UPDATE and DELETE on a published table that cannot identify its rows.
  const refused =
    `Once ${table.label} is in the publication, Postgres refuses UPDATE and DELETE on it ("cannot ` +
    `update table … because it does not have a replica identity"), breaking the application that writes it. ` +
    `Run: ALTER TABLE ${table.quoted} REPLICA IDENTITY FULL;`;
  switch (table.replicaIdentity) {
    case 'f':
      return {
        status: 'ok',
        text: `${table.label}: replica identity FULL: updates carry the old values of the changed columns in "changes", and deletes carry the whole old row.`,
      };
    case 'd':
      if (table.primaryKey.length === 0) {
        return {
          status: 'error',
          text: `${table.label}: replica identity DEFAULT without a primary key. ${refused}`,
        };
      }
      return {
        status: 'warning',
        text:
          `${table.label}: replica identity DEFAULT: "changes" of updates will be an empty object (the old ` +
          `values are not sent), and deletes carry only the primary key (${list(table.primaryKey)}). ${full}`,
      };
    case 'i':
      if (!table.identityIndex) {
        return {
          status: 'error',
          text: `${table.label}: replica identity USING INDEX, but the index is gone. ${refused}`,
        };
      }
      return {
        status: 'warning',
        text:
          `${table.label}: replica identity USING INDEX ${table.identityIndex}: "changes" of updates will ` +
          `be an empty object (the old values are not sent), and deletes carry only ${list(table.identityColumns)}. ${full}`,
      };
    default:
      return { status: 'error', text: `${table.label}: replica identity NOTHING. ${refused}` };
  }
}
