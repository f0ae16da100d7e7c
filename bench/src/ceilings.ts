/**
 * This machine's ceilings, measured at the start of every bench run, and how a result is put
 * beside them. Machines of the same kind differ by up to 2× here, so a result is only comparable
 * with another machine's as a share (or multiple) of a ceiling measured in the same run.
 */
import { fmt } from './format';

/** A batched statement's speed through the driver: rows a second, and rows in each statement. */
export interface StatementRate {
  rowsPerSecond: number;
  rowsPerStatement: number;
}

/** What the run measured: raw Postgres statements on one connection, and a no-op HTTP round trip. */
export interface MachineMeasures {
  postgres: { insert: StatementRate; update: StatementRate; delete: StatementRate };
  http: {
    /** Round trips a second with `inFlight` requests at once on a keep-alive agent. */
    requestsPerSecond: number;
    inFlight: number;
    /** Median of one request at a time. */
    p50Ms: number;
    p99Ms: number;
  };
}

/** A figure a result is divided by: shown as a share (%) of it, or as a multiple (×) of it. */
export interface Ceiling {
  /** How the relative figure names it, e.g. "store ceiling". */
  name: string;
  value: number;
  unit: string;
  as: 'share' | 'multiple';
}

export interface MachineCeilings {
  /** Messages a second the store could take through their whole life: insert, update, delete. */
  store: Ceiling;
  /** A 1,000-message batch's statements and round trip from stored to acknowledged. */
  latencyFloor: Ceiling;
}

/** Milliseconds a statement of `rows` rows takes at `rate` (by default, of the size measured). */
export const statementMs = (rate: StatementRate, rows = rate.rowsPerStatement) =>
  (rows / rate.rowsPerSecond) * 1000;

/**
 * The ceilings results are compared with:
 * - store: a message costs the store one insert, one update (delivered) and one delete (pruned),
 *   so at most 1 / (1/insert + 1/update + 1/delete) messages a second, each rate in rows/s;
 * - latency floor: one 1,000-row insert, one 1,000-row update and one HTTP round trip (p50), the
 *   steps on a message's path from stored to acknowledged, for a batch of 1,000: a yardstick of
 *   this machine's speed on that path, not a bound (a smaller batch takes less).
 */
export function deriveCeilings(measures: MachineMeasures): MachineCeilings {
  const { insert, update, delete: remove } = measures.postgres;
  const store = 1 / (1 / insert.rowsPerSecond + 1 / update.rowsPerSecond + 1 / remove.rowsPerSecond);
  return {
    store: { name: 'store ceiling', value: store, unit: 'msg/s', as: 'share' },
    latencyFloor: {
      name: 'latency floor',
      value: statementMs(insert, 1_000) + statementMs(update, 1_000) + measures.http.p50Ms,
      unit: 'ms',
      as: 'multiple',
    },
  };
}

/** `value` beside `ceiling`: "83 % of store ceiling" or "2.6 × latency floor". */
export function relativeFigure(value: number, ceiling: Ceiling): string {
  if (!Number.isFinite(value) || !(ceiling.value > 0)) return '—';
  const ratio = value / ceiling.value;
  if (ceiling.as === 'share') {
    const percent = ratio * 100;
    return `${fmt(percent, percent < 10 ? 1 : 0)} % of ${ceiling.name}`;
  }
  return `${fmt(ratio, ratio < 10 ? 1 : 0)} × ${ceiling.name}`;
}

/** The ceilings as printed with the machine line. */
export function describeCeilings(measures: MachineMeasures, ceilings: MachineCeilings): string {
  const { insert, update, delete: remove } = measures.postgres;
  const statement = (label: string, rate: StatementRate) =>
    `${label} ${fmt(rate.rowsPerSecond)} rows/s (${fmt(rate.rowsPerStatement)} a statement, ${fmt(statementMs(rate), 1)} ms)`;
  const { http } = measures;
  return [
    `Ceilings measured in this run: Postgres on one connection, ${statement('INSERT', insert)}, ${statement('UPDATE', update)}, ${statement('DELETE', remove)}`,
    `no-op HTTP round trip p50 ${fmt(http.p50Ms, 2)} ms / p99 ${fmt(http.p99Ms, 2)} ms one at a time, ${fmt(http.requestsPerSecond)} requests/s with ${http.inFlight} in flight (keep-alive)`,
    `store ceiling ${fmt(ceilings.store.value)} msg/s, latency floor ${fmt(ceilings.latencyFloor.value, 1)} ms.`,
  ].join('; ');
}
