import pg from 'pg';

/** One transaction the writer saw commit: when COMMIT returned, and each row's new sequence number. */
export interface WriterCommit {
  at: number;
  changes: Array<{ group: number; seq: number }>;
}

export interface SteadyWriter {
  /** Transactions whose COMMIT returned, in order. */
  readonly commits: WriterCommit[];
  /** Stops after the transaction under way; resolves with how many transactions failed. */
  stop(): Promise<{ failures: number }>;
}

/** The source table: one row per group, `seq` counting the updates the row has had. */
export const CHAOS_TABLE = 'chaos_item';

export function chaosTableSql(groups: number): string {
  return `
    CREATE TABLE ${CHAOS_TABLE} (
      id int PRIMARY KEY, seq int NOT NULL, updated_at timestamptz NOT NULL, note text NOT NULL
    );
    INSERT INTO ${CHAOS_TABLE} SELECT g, 0, now(), 'steady load' FROM generate_series(1, ${groups}) AS g;`;
}

const RECONNECT_DELAY_MS = 250;

/**
 * Commits small transactions at a steady rate: each adds 1 to `seq` of 1 to 4 random rows. Since
 * every update of a row adds exactly 1, a row whose `seq` is n has had the changes 1..n committed,
 * whatever this writer knows: a COMMIT whose answer was lost in a fault counts if it happened.
 * Failed transactions (Postgres down) are retried on a new connection and counted.
 */
export function startSteadyWriter(options: {
  url: string;
  groups: number;
  transactionsPerSecond: number;
}): SteadyWriter {
  const commits: WriterCommit[] = [];
  const intervalMs = 1000 / options.transactionsPerSecond;
  let failures = 0;
  let stopping = false;
  let client = null as pg.Client | null;

  const connect = async () => {
    const fresh = new pg.Client({ connectionString: options.url, application_name: 'chaos-writer' });
    // A connection broken by a fault surfaces as the next query's error; this keeps it from
    // being thrown as an unhandled event too.
    fresh.on('error', () => {});
    await fresh.connect();
    return fresh;
  };

  const commitOnce = async () => {
    const picked = new Set<number>();
    const rows = 1 + Math.floor(Math.random() * 4);
    while (picked.size < rows) picked.add(1 + Math.floor(Math.random() * options.groups));
    client ??= await connect();
    const result = await client.query<{ id: number; seq: number }>(
      `UPDATE ${CHAOS_TABLE} SET seq = seq + 1, updated_at = clock_timestamp()
        WHERE id = ANY($1::int[]) RETURNING id, seq`,
      [[...picked]],
    );
    commits.push({ at: Date.now(), changes: result.rows.map((row) => ({ group: row.id, seq: row.seq })) });
  };

  const loop = (async () => {
    let next = performance.now();
    while (!stopping) {
      try {
        await commitOnce();
      } catch {
        failures++;
        const broken = client;
        client = null;
        await broken?.end().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS));
        next = performance.now();
      }
      next += intervalMs;
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await client?.end().catch(() => undefined);
  })();

  return {
    commits,
    async stop() {
      stopping = true;
      await loop;
      return { failures };
    },
  };
}
