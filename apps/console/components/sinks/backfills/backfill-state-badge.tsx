import type { BackfillState } from '@/lib/client/api-types';
import { BACKFILL_STATES } from './backfill-labels';

/** A backfill's state, as `data-testid="backfill-state"` with `data-state`. */
export function BackfillStateBadge({ state }: { state: BackfillState }) {
  const { label, className } = BACKFILL_STATES[state];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
      data-testid="backfill-state"
      data-state={state}
    >
      {label}
    </span>
  );
}
