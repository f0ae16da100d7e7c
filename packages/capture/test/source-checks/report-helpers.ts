import { expect } from 'vitest';
import type { SourceCheck, SourceCheckId, SourceCheckReport } from '../../src/source-checks';

export const CHECK_IDS: SourceCheckId[] = [
  'connection',
  'wal-level',
  'replication-permission',
  'tables',
  'publication',
  'slot',
  'primary-keys',
  'replica-identity',
];

/** The report's checks by id, after asserting every check reported, in order. */
export function checksOf(report: SourceCheckReport): Record<SourceCheckId, SourceCheck> {
  expect(report.checks.map((check) => check.id)).toEqual(CHECK_IDS);
  expect(report.ok).toBe(report.checks.every((check) => check.status !== 'error'));
  return Object.fromEntries(report.checks.map((check) => [check.id, check])) as Record<
    SourceCheckId,
    SourceCheck
  >;
}

export function statusesOf(report: SourceCheckReport): Record<SourceCheckId, string> {
  return Object.fromEntries(report.checks.map((check) => [check.id, check.status])) as Record<
    SourceCheckId,
    string
  >;
}
