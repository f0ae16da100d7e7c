import type { AlertRecord } from '@shardline/db';
import { type AlertEvent, slackPayload, testSlackPayload } from './slack-payload';

export interface AlertWebhookOptions {
  /** The incoming webhook's address. Its path is a secret (Slack's is): only its origin is ever shown. */
  url: string;
  /** The console's public origin, for a link in the message; null leaves it out. */
  consoleOrigin: string | null;
  /** Per call. */
  timeoutMs?: number;
  /** Calls in all, the first included. */
  attempts?: number;
  /** Wait before the second call; doubled before each further one. */
  retryDelayMs?: number;
}

/** How a notice went: accepted, or why not (worded without the webhook's secret path). */
export type NoticeOutcome = { ok: true } | { ok: false; error: string };

/**
 * How a test notification went, for the person who asked: the webhook's host, the HTTP status it
 * answered (null when it could not be reached), and what that means in words.
 */
export interface TestNoticeOutcome {
  ok: boolean;
  host: string;
  status: number | null;
  message: string;
}

/**
 * Posts Slack-compatible JSON for an alert that opened or resolved, with a timeout per call and a
 * few retries on a network error, a timeout, a 429 or a 5xx. Never throws: a webhook that does
 * not answer costs its caller a few seconds at most, and delivery never waits on it.
 */
export class AlertWebhook {
  readonly #options: Required<AlertWebhookOptions>;
  readonly origin: string;
  readonly host: string;

  constructor(options: AlertWebhookOptions) {
    this.#options = { timeoutMs: 5_000, attempts: 3, retryDelayMs: 1_000, ...options };
    this.origin = new URL(options.url).origin;
    this.host = new URL(options.url).host;
  }

  /**
   * Posts one test notification, without retries: the person waiting wants this call's outcome,
   * within the timeout.
   */
  async sendTest(requestedBy: string): Promise<TestNoticeOutcome> {
    const body = JSON.stringify(
      testSlackPayload({ requestedBy, consoleOrigin: this.#options.consoleOrigin }),
    );
    const outcome = await this.#post(body);
    const { host } = this;
    if (outcome.ok) {
      return {
        ok: true,
        host,
        status: outcome.status,
        message: `The webhook at ${host} answered HTTP ${outcome.status}: it took the test notification.`,
      };
    }
    return {
      ok: false,
      host,
      status: outcome.status,
      message: `The test notification did not go through: ${outcome.error}.`,
    };
  }

  async notify(alert: AlertRecord, event: AlertEvent): Promise<NoticeOutcome> {
    const body = JSON.stringify(slackPayload(alert, event, this.#options.consoleOrigin));
    let error = '';
    for (let attempt = 1; attempt <= this.#options.attempts; attempt++) {
      const outcome = await this.#post(body);
      if (outcome.ok) return { ok: true };
      error = outcome.error;
      if (!outcome.retry || attempt === this.#options.attempts) break;
      await new Promise((resolve) => setTimeout(resolve, this.#options.retryDelayMs * 2 ** (attempt - 1)));
    }
    return { ok: false, error };
  }

  async #post(
    body: string,
  ): Promise<
    { ok: true; status: number } | { ok: false; error: string; retry: boolean; status: number | null }
  > {
    try {
      const response = await fetch(this.#options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(this.#options.timeoutMs),
        redirect: 'error',
      });
      // Read (and drop) the body so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true, status: response.status };
      return {
        ok: false,
        error: `the webhook at ${this.origin} answered ${response.status} ${response.statusText}`.trim(),
        retry: response.status === 429 || response.status >= 500,
        status: response.status,
      };
    } catch (error) {
      return {
        ok: false,
        error: `the webhook at ${this.origin} could not be called: ${reason(error)}`,
        retry: true,
        status: null,
      };
    }
  }
}

/**
 * Why a call failed, from the error's code or name only: fetch's messages and causes may carry
 * the whole address, secret path included.
 */
function reason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'no answer in time';
  }
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'its host name does not resolve',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
  };
  if (code) return words[code] ?? code;
  return error instanceof Error ? error.name : 'unknown error';
}
