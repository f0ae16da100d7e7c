import type pg from 'pg';

// 42710 duplicate_object (23505 on some versions): another session created it between our look
// and our create.
const ALREADY_EXISTS = new Set(['42710', '23505']);

/** Creates the pgoutput slot unless a usable one exists; true when it created it. */
export async function ensureSlot(client: pg.Client, name: string): Promise<boolean> {
  if (await usableSlotExists(client, name)) return false;
  try {
    await client.query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [name]);
    return true;
  } catch (error) {
    if (
      ALREADY_EXISTS.has((error as { code?: string }).code ?? '') &&
      (await usableSlotExists(client, name))
    ) {
      return false;
    }
    throw new Error(`cannot create the replication slot "${name}": ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** False when there is no such slot; throws when there is one Shardline cannot read. */
async function usableSlotExists(client: pg.Client, name: string): Promise<boolean> {
  const { rows } = await client.query<{
    slot_type: string;
    plugin: string | null;
    database: string | null;
    current: string;
  }>(
    `SELECT slot_type, plugin, database::text, current_database()::text AS current
       FROM pg_replication_slots WHERE slot_name = $1`,
    [name],
  );
  const slot = rows[0];
  if (!slot) return false;
  if (slot.slot_type !== 'logical' || slot.plugin !== 'pgoutput') {
    throw new Error(
      `the replication slot "${name}" exists with ${slot.slot_type === 'logical' ? `the plugin ${slot.plugin}` : 'no plugin (it is physical)'}; Shardline needs pgoutput: give the source another slot name`,
    );
  }
  if (slot.database !== slot.current) {
    throw new Error(
      `the replication slot "${name}" belongs to database "${slot.database}", not "${slot.current}": give the source another slot name`,
    );
  }
  return true;
}
