import type pg from 'pg';
import { LogicalReplicationService, type Pgoutput } from 'pg-logical-replication';
import { sessionOptionsString } from '../values/session-settings';
import { parseLsn } from './lsn';
import { RawTextPgoutputPlugin } from './raw-text-pgoutput-plugin';

export interface ReplicationSessionHandlers {
  /** Each pgoutput message in stream order; the next waits until the returned promise settles. */
  onMessage(message: Pgoutput.Message): Promise<void>;
  /** The server's WAL position at a keepalive (asked for every second); it may want an answer. */
  onKeepalive(serverWalEnd: string, shouldRespond: boolean): void;
  onError(error: Error): void;
}

/** How often the server is asked where it is; also keeps the session inside wal_sender_timeout. */
const STATUS_INTERVAL_MS = 1_000;

/**
 * The streaming side of a source: starts pgoutput on the slot, hands each message on, and tells
 * the server how far everything is stored. Acknowledging is Shardline's alone (the library's
 * automatic acknowledgements would confirm positions not stored yet), and never goes back.
 */
export class ReplicationSession {
  readonly #service: LogicalReplicationService;
  #acknowledged: string | null;
  #statusTimer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(
    private readonly options: {
      clientConfig: pg.ClientConfig;
      /** Names the connection (`application_name`), so the slot check recognises it. */
      applicationName: string;
      slotName: string;
      publicationName: string;
      /** What the slot has confirmed already: status messages never report less. */
      confirmedLsn: string | null;
      handlers: ReplicationSessionHandlers;
    },
  ) {
    this.#acknowledged = options.confirmedLsn;
    this.#service = new LogicalReplicationService(
      { ...options.clientConfig, options: sessionOptionsString(), application_name: options.applicationName },
      { acknowledge: { auto: false, timeoutSeconds: 0 }, flowControl: { enabled: true } },
    );
  }

  /** The position acknowledged so far (what the slot may free WAL up to). */
  get acknowledged(): string | null {
    return this.#acknowledged;
  }

  /** Resolves once the server streams; rejects if it cannot start (or `stopped` settles first). */
  async start(stopped: Promise<unknown>): Promise<void> {
    const { handlers } = this.options;
    const service = this.#service;
    service.on('data', (_lsn: string, message: Pgoutput.Message) => handlers.onMessage(message));
    service.on('error', (error: Error) => handlers.onError(error));
    service.on('heartbeat', (lsn: string, _time: number, shouldRespond: boolean) =>
      handlers.onKeepalive(lsn, shouldRespond),
    );
    const started = new Promise<void>((resolve, reject) => {
      service.once('start', () => resolve());
      void stopped.then((error) => reject(error ?? new Error('the reader stopped before streaming')));
    });
    service
      .subscribe(
        new RawTextPgoutputPlugin({ publicationNames: [this.options.publicationName] }),
        this.options.slotName,
      )
      .catch((error: Error) => handlers.onError(error));
    await started;
    this.#statusTimer = setInterval(() => void this.sendStatus(true), STATUS_INTERVAL_MS);
  }

  /** Moves the acknowledged position forward (never back) and tells the server. */
  async acknowledge(lsn: string): Promise<void> {
    if (this.#acknowledged === null || parseLsn(lsn) > parseLsn(this.#acknowledged)) this.#acknowledged = lsn;
    await this.sendStatus();
  }

  /** Tells the server how far everything is stored; `askForReply` makes it answer with a keepalive. */
  async sendStatus(askForReply = false): Promise<void> {
    if (this.#acknowledged && !this.#closed) await this.#service.acknowledge(this.#acknowledged, askForReply);
  }

  /** Messages received and not yet handed on, or one being handled. */
  hasUnhandledMessages(): boolean {
    // The library keeps received messages in a queue while the handler runs (pinned version).
    const library = this.#service as unknown as { _messageQueue?: unknown[]; _processing?: boolean };
    return (library._messageQueue?.length ?? 0) > 0 || library._processing === true;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#statusTimer) clearInterval(this.#statusTimer);
    await this.#service.destroy();
  }
}
