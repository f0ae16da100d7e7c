import type pg from 'pg';
import type { Db } from './database';

/**
 * Postgres NOTIFY channel on which every write that gives a lane new work (ingest, retry,
 * discard, resume) announces it. Engines listen and schedule the lane at once; their periodic
 * sweep covers any announcement missed while no engine was listening.
 */
export const WAKE_CHANNEL = 'shardline_wake';

export interface WakeNotice {
  sinkId: string;
  /** Lanes with new work; absent means every lane of the sink. */
  lanes?: number[];
}

export async function notifyWake(db: Db, notice: WakeNotice): Promise<void> {
  await db.pool.query('SELECT pg_notify($1, $2)', [WAKE_CHANNEL, JSON.stringify(notice)]);
}

/**
 * Subscribes a connection to the wake notices, which then arrive as its `notification` events.
 * A connection of its own, not a Db: a LISTEN lasts as long as its session, which a pooled
 * connection or a transaction would end or share.
 */
export async function listenForWakes(connection: pg.ClientBase): Promise<void> {
  await connection.query(`LISTEN ${WAKE_CHANNEL}`);
}

export function parseWakeNotice(payload: string | undefined): WakeNotice | null {
  if (!payload) return null;
  try {
    const value = JSON.parse(payload) as WakeNotice;
    return typeof value.sinkId === 'string' ? value : null;
  } catch {
    return null;
  }
}
