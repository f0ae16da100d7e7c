import type { SourceCheck, SourceCheckId } from './source-check-report';

/**
 * A per-table check when no table is chosen: the tables check says "No tables chosen yet" once,
 * and the checks that look at tables say only that they wait for some.
 */
export function notCheckedWithoutTables(id: SourceCheckId, subject: string): SourceCheck {
  return {
    id,
    status: 'skipped',
    title: `${subject} not checked`,
    detail: 'Checked for the tables a sink takes, once there are some.',
  };
}
