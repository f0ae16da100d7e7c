import { ApiError } from '@/lib/client/api-fetch';
import { Button } from './button';
import { CheckList } from './check-list';

/** Whether a save was refused because its checks failed (422 `checks_failed`). */
export function checksFailed(
  error: unknown,
): error is ApiError & { checks: NonNullable<ApiError['checks']> } {
  return error instanceof ApiError && error.code === 'checks_failed' && Array.isArray(error.checks);
}

/**
 * What the checks run on Save found, when some failed and nothing was saved, and the explicit
 * second choice: "Save anyway", after which the sink or source shows what is wrong until fixed.
 */
export function ChecksFailed({
  error,
  what,
  saving,
  onSaveAnyway,
}: {
  error: unknown;
  what: 'sink' | 'source';
  saving: boolean;
  onSaveAnyway: () => void;
}) {
  if (!checksFailed(error)) return null;
  return (
    <section
      role="alert"
      className="space-y-3 rounded-lg border border-red-200 bg-red-50/50 p-4"
      aria-label="Checks that failed"
      data-testid="checks-failed"
    >
      <p className="text-sm font-medium text-red-800">
        Not saved: some checks failed. Fix what they say, or save anyway: the {what} then shows what is wrong
        until it is fixed.
      </p>
      <CheckList report={{ ok: false, checks: error.checks }} />
      <Button onClick={onSaveAnyway} disabled={saving} data-testid="save-anyway">
        {saving ? 'Saving…' : 'Save anyway'}
      </Button>
    </section>
  );
}
