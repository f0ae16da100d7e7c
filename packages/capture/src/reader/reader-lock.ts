import pg from 'pg';

/**
 * The right to read one source, held as a Postgres advisory lock on a connection of its own to
 * Shardline's database. Exactly one engine holds it; if that engine dies its connection closes,
 * the lock is released at once, and another engine takes it on its next try.
 */
export class ReaderLock {
  #client: pg.Client | null = null;

  private constructor(private readonly key: string) {}

  /** The lock, or null when another engine holds it. `onLost` runs if the connection breaks. */
  static async tryAcquire(
    databaseUrl: string,
    sourceId: string,
    onLost: (error: Error) => void,
  ): Promise<ReaderLock | null> {
    const lock = new ReaderLock(`shardline:source-reader:${sourceId}`);
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'shardline-reader-lock',
    });
    client.on('error', (error) => onLost(error));
    await client.connect();
    const result = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [lock.key],
    );
    if (!result.rows[0]?.locked) {
      await client.end();
      return null;
    }
    client.on('end', () => onLost(new Error('the connection holding the source reader lock closed')));
    lock.#client = client;
    return lock;
  }

  async release(): Promise<void> {
    const client = this.#client;
    this.#client = null;
    if (!client) return;
    client.removeAllListeners('end');
    // Closing the session releases the lock; an explicit unlock first keeps it prompt.
    await client
      .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.key])
      .catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
