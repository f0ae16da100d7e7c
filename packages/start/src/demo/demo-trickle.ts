import pg from 'pg';
import { DEMO_TABLE, OVERSIZE_ORDER_ID } from './demo-names';

export interface DemoTrickleOptions {
  demoDatabaseUrl: string;
  /** Time between two commits (default 1 s). */
  intervalMs?: number;
  /** Told when a commit fails; the trickle keeps going (Postgres may come back). */
  onError?: (error: Error) => void;
}

export interface DemoTrickle {
  /** Commits made so far. */
  readonly commits: number;
  stop(): Promise<void>;
}

const CUSTOMERS = ['Ada', 'Grace', 'Edsger', 'Barbara', 'Alan', 'Margaret', 'Donald', 'Frances'];
/** Shipped orders kept; older ones are deleted, so the table stays small however long it runs. */
const SHIPPED_KEPT = 50;

/**
 * A few changes a second on the demo table, as a shop would make them: each commit takes a new
 * order, moves the two oldest open orders a step (pending → paid → shipped), and deletes the
 * oldest shipped ones beyond the last 50. Inserts, updates and deletes: every action shows.
 */
export function startDemoTrickle(options: DemoTrickleOptions): DemoTrickle {
  const pool = new pg.Pool({
    connectionString: options.demoDatabaseUrl,
    max: 1,
    application_name: 'shardline-demo',
  });
  pool.on('error', () => {});
  let commits = 0;
  let stopped = false;
  let running: Promise<void> | null = null;

  const tick = async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${DEMO_TABLE} (id, customer, status, total)
         SELECT coalesce(max(id), $1) + 1, $2, 'pending', $3 FROM ${DEMO_TABLE}`,
        [OVERSIZE_ORDER_ID, CUSTOMERS[Math.floor(Math.random() * CUSTOMERS.length)], randomTotal()],
      );
      await client.query(
        `UPDATE ${DEMO_TABLE}
            SET status = CASE status WHEN 'pending' THEN 'paid' ELSE 'shipped' END, updated_at = now()
          WHERE id IN (SELECT id FROM ${DEMO_TABLE}
                        WHERE status IN ('pending', 'paid') AND id <> $1 ORDER BY id LIMIT 2)`,
        [OVERSIZE_ORDER_ID],
      );
      await client.query(
        `DELETE FROM ${DEMO_TABLE}
          WHERE id IN (SELECT id FROM ${DEMO_TABLE}
                        WHERE status = 'shipped' AND id <> $1 ORDER BY id DESC OFFSET $2)`,
        [OVERSIZE_ORDER_ID, SHIPPED_KEPT],
      );
      await client.query('COMMIT');
      commits += 1;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };

  const timer = setInterval(() => {
    // A commit still under way (a slow or restarting Postgres) skips this turn rather than queue.
    if (stopped || running) return;
    running = tick()
      .catch((error: Error) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  }, options.intervalMs ?? 1_000);

  return {
    get commits() {
      return commits;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}

function randomTotal(): string {
  return (5 + Math.random() * 195).toFixed(2);
}
