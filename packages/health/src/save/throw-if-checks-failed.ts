import { ChecksFailedError } from '@shardline/core';
import type { SettingsCheckReport } from './check-sink-settings';

/**
 * Refuses to save settings whose checks failed: the error names what failed and how to save
 * anyway. The API answers it as 422 `checks_failed`, with every check.
 */
export function throwIfChecksFailed(report: SettingsCheckReport, what: 'sink' | 'source'): void {
  if (report.ok) return;
  const failed = report.checks.filter((check) => check.status === 'error');
  throw new ChecksFailedError(
    `the ${what} was not saved: ${failed.length === 1 ? '1 check failed' : `${failed.length} checks failed`} ` +
      `(${failed.map((check) => check.title).join(' ')}). Fix what they name, or save anyway (force=true): ` +
      `the ${what} then shows what is wrong until it is fixed`,
    report.checks,
  );
}
