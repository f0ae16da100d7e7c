import pg from 'pg';
import { DEMO_TABLE, OVERSIZE_ORDER_ID } from './demo-names';

const SENTENCE = 'This order came with a note far too long for one Kinesis record. ';
/** A little over the 1 MiB record limit, so its message fails at once with RecordTooLarge. */
const NOTE_BYTES = 1024 * 1024 + 64 * 1024;

/**
 * Inserts the demo's one order too large to send, unless it is there already. Answers whether
 * it was inserted. A transform that drops `note` rescues it (docs/first-run.md).
 */
export async function insertOversizeOrder(demoDatabaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: demoDatabaseUrl, application_name: 'shardline-demo' });
  await client.connect();
  try {
    const note = SENTENCE.repeat(Math.ceil(NOTE_BYTES / SENTENCE.length));
    const result = await client.query(
      `INSERT INTO ${DEMO_TABLE} (id, customer, status, total, note)
       VALUES ($1, 'Oversize Ltd', 'pending', 0, $2)
       ON CONFLICT (id) DO NOTHING`,
      [OVERSIZE_ORDER_ID, note],
    );
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}
