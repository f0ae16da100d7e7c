import { listenForWakes, parseWakeNotice, type WakeNotice } from '@shardline/db';
import pg from 'pg';
import type { Logger } from 'pino';

/**
 * Listens for the database's announcements of new work and passes them on. Reconnects after
 * a lost connection and then calls `onReconnect`, since announcements made meanwhile are lost.
 */
export class WakeListener {
  #client: pg.Client | null = null;
  #stopped = false;
  #retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: {
      databaseUrl: string;
      logger: Logger;
      onWake: (notice: WakeNotice) => void;
      onReconnect: () => void;
      retryMs?: number;
    },
  ) {}

  async start(): Promise<void> {
    await this.#connect();
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: 'shardline-wake-listener',
    });
    client.on('notification', (message) => {
      const notice = parseWakeNotice(message.payload);
      if (notice) this.options.onWake(notice);
    });
    client.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'wake listener lost its database connection; reconnecting');
      this.#scheduleReconnect();
    });
    await client.connect();
    await listenForWakes(client);
    this.#client = client;
  }

  #scheduleReconnect(): void {
    if (this.#stopped || this.#retryTimer) return;
    const old = this.#client;
    this.#client = null;
    old?.end().catch(() => {
      // Already broken; nothing more to release.
    });
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#connect()
        .then(() => this.options.onReconnect())
        .catch((error: unknown) => {
          this.options.logger.warn({ err: error }, 'wake listener could not reconnect; trying again');
          this.#scheduleReconnect();
        });
    }, this.options.retryMs ?? 2_000);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    await this.#client?.end();
    this.#client = null;
  }
}
