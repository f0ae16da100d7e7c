interface Queryable {
  query(text: string): Promise<{ rows: unknown[] }>;
}

/**
 * Waits until a walsender streams a slot of the database `source` is connected to. A slot is
 * also active while pg_create_logical_replication_slot waits for its consistent point, and
 * changes committed before that point are never decoded: writing before this returns would
 * lose them.
 */
export async function waitUntilSlotStreamed(
  source: Queryable,
  options: { timeoutMs?: number; describe?: () => string } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const slots = await source.query(
      `SELECT 1 FROM pg_replication_slots s JOIN pg_stat_activity a ON a.pid = s.active_pid
        WHERE s.database = current_database() AND a.backend_type = 'walsender'`,
    );
    if (slots.rows.length > 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `nothing started streaming the source's slot${options.describe ? `:\n${options.describe()}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
