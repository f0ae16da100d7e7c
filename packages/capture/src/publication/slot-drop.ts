import type pg from 'pg';

const OBJECT_IN_USE = '55006';

/**
 * Drops the slot of this database, waiting up to `releaseWaitMs` for a reader that is stopping
 * to let go of it, then giving up with an error naming the process. A slot of another database
 * is left alone: it is not this source's. False when there was none.
 */
export async function dropSlot(client: pg.Client, name: string, releaseWaitMs: number): Promise<boolean> {
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
