import type { Backfill } from '../generated/prisma/client';
import { type BackfillTableProgress, parseBackfillTables } from './backfill-tables';

export const BACKFILL_STATES = ['running', 'paused', 'cancelled', 'done', 'failed'] as const;
export type BackfillState = (typeof BACKFILL_STATES)[number];

/** How a backfill ended; a failed one may still be resumed once its cause is fixed. */
export type BackfillOutcome = 'done' | 'cancelled' | 'failed';

const OUTCOMES: Record<BackfillState, BackfillOutcome | null> = {
  running: null,
  paused: null,
  cancelled: 'cancelled',
  done: 'done',
  failed: 'failed',
};

/** A backfill and its progress, as shown to a person. */
export interface PublicBackfill {
  id: string;
  sinkId: string;
  state: BackfillState;
  /** Null while it is running or paused. */
  outcome: BackfillOutcome | null;
  /** Per table, in reading order: its narrowing (where, keyRange) and its progress. */
  tables: BackfillTableProgress[];
  rowsDone: number;
  /** Null until an engine has read the source's statistics. */
  rowsTotalEstimate: number | null;
  /** 0 to 100 against the estimate (100 once done); null without an estimate. */
  percent: number | null;
  /** Rows per second from the start to the last progress (or the end); null before any. */
  rowsPerSecond: number | null;
  /** Seconds to go at that rate while running (0 once done); null when unknown or not running. */
  secondsLeft: number | null;
  /** The account's email or API token's name that started it. */
  createdBy: string;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  lastError: string | null;
}

export function toPublicBackfill(row: Backfill): PublicBackfill {
  const rowsDone = Number(row.rowsDone);
  const rowsTotalEstimate = row.rowsTotalEstimate === null ? null : Number(row.rowsTotalEstimate);
  // Pauses count in the elapsed time; a paused backfill's rate stays what it was at the pause.
  const elapsedSeconds = ((row.finishedAt ?? row.updatedAt).getTime() - row.startedAt.getTime()) / 1000;
  const rowsPerSecond = rowsDone > 0 && elapsedSeconds > 0 ? Math.round(rowsDone / elapsedSeconds) : null;
  return {
    id: row.id,
    sinkId: row.sinkId,
    state: row.state,
    outcome: OUTCOMES[row.state],
    tables: parseBackfillTables(row.tables),
    rowsDone,
    rowsTotalEstimate,
    percent: percentOf(row.state, rowsDone, rowsTotalEstimate),
    rowsPerSecond,
    secondsLeft: secondsLeftOf(row.state, rowsDone, rowsTotalEstimate, rowsPerSecond),
    createdBy: row.createdBy,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
    finishedAt: row.finishedAt,
    lastError: row.lastError,
  };
}

function percentOf(state: BackfillState, rowsDone: number, estimate: number | null): number | null {
  if (state === 'done') return 100;
  if (estimate === null) return null;
  if (estimate === 0) return 0;
  return Math.min(100, Math.round((rowsDone / estimate) * 1000) / 10);
}

function secondsLeftOf(
  state: BackfillState,
  rowsDone: number,
  estimate: number | null,
  rowsPerSecond: number | null,
): number | null {
  if (state === 'done') return 0;
  if (state !== 'running' || estimate === null || !rowsPerSecond) return null;
  return Math.ceil(Math.max(0, estimate - rowsDone) / rowsPerSecond);
}
