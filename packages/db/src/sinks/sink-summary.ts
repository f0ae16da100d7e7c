import type { MessageAction, SinkHealth } from '@shardline/core';
import type { Db } from '../database';
import type { SinkTable } from '../generated/prisma/client';
import { listSinkHealth } from '../health/list-sink-health';
import { type PublicSink, type SinkWithTransform, toPublicSink } from './public-sink';

/** A sink as the console shows it: its settings (never its secret), tables, health and backlog. */
export interface SinkSummary extends PublicSink {
  sourceId: string | null;
  tables: Array<{ schema: string; name: string; actions: MessageAction[]; groupColumns: string[] }>;
  annotations: Record<string, string>;
  health: SinkHealth;
  /** Backlog, and messages the filter dropped (stored on the sink, exact). */
  counts: {
    /** Messages waiting to be sent, the ones being sent now included. */
    waiting: number;
    /** Messages inside a request under way right now. */
    sending: number;
    failing: number;
    filteredCount: bigint;
    /** Deprecated names of `waiting` and `sending`, kept for clients written before. */
    pending: number;
    inFlight: number;
  };
}

interface SinkActivity {
  pending: number;
  failing: number;
  inFlight: number;
}

/**
 * Adds tables, health and counts to sinks read from the database, with one query per kind of
 * fact for all of them (a list of many sinks costs the same few round trips as one sink).
 */
export async function summariseSinks(
  db: Db,
  sinks: Array<SinkWithTransform & { tables: SinkTable[] }>,
): Promise<SinkSummary[]> {
  if (sinks.length === 0) return [];
  const sinkIds = sinks.map((sink) => sink.id);
  const [activity, healths] = await Promise.all([
    loadSinkActivity(db, sinkIds),
    listSinkHealth(db, { sinkIds }),
  ]);
  // A sink deleted between the reads has no health: it is left out, as it is gone.
  return sinks.flatMap((sink) => {
    const facts = activity.get(sink.id) ?? { pending: 0, failing: 0, inFlight: 0 };
    const health = healths.get(sink.id);
    if (!health) return [];
    const summary: SinkSummary = {
      ...toPublicSink(sink),
      sourceId: sink.sourceId,
      tables: sink.tables
        .map((table) => ({
          schema: table.tableSchema,
          name: table.tableName,
          actions: table.actions as MessageAction[],
          groupColumns: table.groupColumns,
        }))
        .sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`)),
      annotations: (sink.annotations ?? {}) as Record<string, string>,
      health,
      counts: {
        waiting: facts.pending,
        sending: facts.inFlight,
        failing: facts.failing,
        filteredCount: sink.filteredCount,
        pending: facts.pending,
        inFlight: facts.inFlight,
      },
    };
    return [summary];
  });
}

async function loadSinkActivity(db: Db, sinkIds: string[]): Promise<Map<string, SinkActivity>> {
  const [byState, inFlight] = await Promise.all([
    // Delivered and discarded messages are left out: they can be many and are not backlog.
    db.pool.query<{ sink_id: string; state: 'pending' | 'failing'; count: string }>(
      `SELECT sink_id, state, count(*) AS count FROM message
        WHERE sink_id = ANY($1::uuid[]) AND state IN ('pending', 'failing')
        GROUP BY sink_id, state`,
      [sinkIds],
    ),
    db.pool.query<{ sink_id: string; count: string }>(
      `SELECT sink_id, coalesce(sum(cardinality(in_flight_ids)), 0) AS count FROM delivery_lane
        WHERE sink_id = ANY($1::uuid[]) AND lease_expires_at > clock_timestamp()
        GROUP BY sink_id`,
      [sinkIds],
    ),
  ]);
  const activity = new Map<string, SinkActivity>(
    sinkIds.map((id) => [id, { pending: 0, failing: 0, inFlight: 0 }]),
  );
  for (const row of byState.rows) {
    const facts = activity.get(row.sink_id);
    if (facts) facts[row.state] = Number(row.count);
  }
  for (const row of inFlight.rows) {
    const facts = activity.get(row.sink_id);
    if (facts) facts.inFlight = Number(row.count);
  }
  return activity;
}
