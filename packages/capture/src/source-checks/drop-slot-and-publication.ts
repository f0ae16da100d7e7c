import type pg from 'pg';
import { connectToSource, quoteIdent } from './source-client';

export interface DropSlotAndPublicationResult {
  slotDropped: boolean;
  publicationDropped: boolean;
}

const DEFAULT_RELEASE_WAIT_MS = 10_000;
const OBJECT_IN_USE = '55006';

/**
 * Drops the source's slot (so the server stops keeping WAL for it) and its publication. A slot of
 * another database is left alone: it is not this source's. Waits a little for a reader that is
 * stopping to let go of the slot, then gives up with an error naming the process.
 */
export async function dropSlotAndPublication(
  clientConfig: pg.ClientConfig,
  options: {
    publicationName: string;
    slotName: string;
    /** How long a reader that is stopping may take to let go of the slot; default 10 s. */
    releaseWaitMs?: number;
  },
): Promise<DropSlotAndPublicationResult> {
  const client = await connectToSource(clientConfig);
  try {
    const slotDropped = await dropSlot(
      client,
      options.slotName,
      options.releaseWaitMs ?? DEFAULT_RELEASE_WAIT_MS,
    );
    const dropped = await client.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [
      options.publicationName,
    ]);
    await client.query(`DROP PUBLICATION IF EXISTS ${quoteIdent(options.publicationName)}`);
    return { slotDropped, publicationDropped: Boolean(dropped.rowCount) };
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropSlot(client: pg.Client, name: string, releaseWaitMs: number): Promise<boolean> {
  const deadline = Date.now() + releaseWaitMs;
  for (;;) {
    const { rows } = await client.query<{ active_pid: number | null }>(
      'SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1 AND database = current_database()',
      [name],
    );
    const slot = rows[0];
    if (!slot) return false;
    try {
      await client.query('SELECT pg_drop_replication_slot($1)', [name]);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE) throw error;
      if (Date.now() > deadline) {
        throw new Error(
          `the replication slot "${name}" is in use by process ${slot.active_pid ?? '?'}: stop the reader that holds it, then try again`,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
