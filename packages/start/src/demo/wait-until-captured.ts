import { NotFoundError } from '@shardline/core';
import { type Database, getSource } from '@shardline/db';
import pg from 'pg';
import { StartProblem } from '../start-problem';

export interface WaitUntilCapturedOptions {
  /** The demo's source database, where the slot lives. */
  demoDatabaseUrl: string;
  slotName: string;
  sourceId: string;
  timeoutMs?: number;
}

const POLL_MS = 250;

/**
 * Waits until an engine streams from the demo source's slot. A slot captures only what is
 * committed after it exists, so the demo writes its first rows after this.
 */
export async function waitUntilCaptured(db: Database, options: WaitUntilCapturedOptions): Promise<void> {
  const client = new pg.Client({
    connectionString: options.demoDatabaseUrl,
    application_name: 'shardline-demo',
  });
  await client.connect();
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  try {
    for (;;) {
      const { rows } = await client.query<{ active: boolean }>(
        'SELECT active FROM pg_replication_slots WHERE slot_name = $1',
        [options.slotName],
      );
      if (rows[0]?.active) return;
      if (Date.now() > deadline) {
        const source = await getSource(db, { sourceId: options.sourceId }).catch((error: unknown) => {
          // Deleted meanwhile: the timeout is still what to report.
          if (error instanceof NotFoundError) return null;
          throw error;
        });
        throw new StartProblem(
          `The engine did not start reading the demo source within ${(options.timeoutMs ?? 60_000) / 1000} s${source?.lastErrorMessage ? `: ${source.lastErrorMessage}` : ''}`,
          'see the engine log above; the source page of the console shows its checks. Or turn the demo off with SHARDLINE_DEMO=false',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await client.end();
  }
}
