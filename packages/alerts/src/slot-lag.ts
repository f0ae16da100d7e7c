import pg from 'pg';

/**
 * Bytes of WAL the source's slot keeps that its reader has not confirmed yet (the server's
 * current position minus the slot's confirmed_flush_lsn); null when the slot does not exist.
 * A short connection of its own, so a source that does not answer holds nobody up.
 */
export async function measureSlotLag(
  clientConfig: pg.ClientConfig,
  options: { slotName: string; timeoutMs: number },
): Promise<number | null> {
  const client = new pg.Client({
    ...clientConfig,
    application_name: 'shardline-alerts',
    connectionTimeoutMillis: options.timeoutMs,
    statement_timeout: options.timeoutMs,
  });
  // An error on an idle client would otherwise be thrown from the event emitter.
  client.on('error', () => {});
  try {
    await client.connect();
    const result = await client.query<{ retained: string | null }>(
      `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::text AS retained
         FROM pg_replication_slots WHERE slot_name = $1`,
      [options.slotName],
    );
    const retained = result.rows[0]?.retained;
    return retained === undefined || retained === null ? null : Math.max(0, Number(retained));
  } finally {
    await client.end().catch(() => {
      // The measurement is what matters; a connection that will not close is gone anyway.
    });
  }
}
