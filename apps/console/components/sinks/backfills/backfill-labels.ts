import type { Backfill, BackfillState } from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';

/** Every state a backfill can be in, as the badge shows it; a new state is a compile error here. */
export const BACKFILL_STATES: Record<BackfillState, { label: string; className: string }> = {
  running: { label: 'Running', className: 'bg-sky-100 text-sky-800 ring-sky-600/20' },
  paused: { label: 'Paused', className: 'bg-amber-100 text-amber-800 ring-amber-600/20' },
  done: { label: 'Done', className: 'bg-green-100 text-green-800 ring-green-600/20' },
  cancelled: { label: 'Cancelled', className: 'bg-slate-100 text-slate-700 ring-slate-500/20' },
  failed: { label: 'Failed', className: 'bg-red-100 text-red-800 ring-red-600/20' },
};

type BackfillTable = Backfill['tables'][number];

/** `public.orders where status = 'open', keys (100) to (200)`. */
export function describeBackfillTable(table: BackfillTable): string {
  return [`${table.schema}.${table.name}`, describeNarrowing(table)].filter(Boolean).join(' ');
}

/** A table's narrowing in words (`where …, keys (1) to (9)`); empty when it reads every row. */
export function describeNarrowing(narrowing: Pick<BackfillTable, 'where' | 'keyRange'>): string {
  const { from, to } = narrowing.keyRange ?? {};
  const values = (bound: string[]) => `(${bound.join(', ')})`;
  const keys =
    from && to
      ? `keys ${values(from)} to ${values(to)}`
      : from
        ? `keys from ${values(from)}`
        : to
          ? `keys up to ${values(to)}`
          : null;
  return [narrowing.where && `where ${narrowing.where}`, keys].filter(Boolean).join(', ');
}

/** `1,200 of about 5,000 rows`, or `1,200 rows` before the source's statistics were read. */
export function describeRows(backfill: Backfill): string {
  const done = formatNumber(backfill.rowsDone);
  if (backfill.state === 'done' || backfill.rowsTotalEstimate === null) return `${done} rows`;
  return `${done} of about ${formatNumber(backfill.rowsTotalEstimate)} rows`;
}
