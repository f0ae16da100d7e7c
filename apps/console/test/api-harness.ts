import { createDatabase, type Database } from '@shardline/db';
import { createTestDatabase } from '@shardline/testing';
import type { RouteContext } from '../lib/server/api/api-route';

export const TEST_SECRET_KEY = 'b'.repeat(64);
const ORIGIN = 'http://console.test';

type Handler<P extends Record<string, string>> = (
  request: Request,
  context: RouteContext<P>,
) => Promise<Response>;

// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field, as a client would
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  /** The body exactly as sent, to look for text that must never appear (secrets). */
  text: string;
}

/**
 * A fresh database for the console's route handlers, which are called as Next calls them: with
 * a Request and their dynamic segments. The console's own database() and secretBox() pick up
 * the environment set here.
 */
export async function openApiHarness(): Promise<{ db: Database; close(): Promise<void> }> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.SHARDLINE_SECRET_KEY = TEST_SECRET_KEY;
  const holder = globalThis as { shardlineDatabase?: Database };
  holder.shardlineDatabase = undefined;
  const db = createDatabase({ url: database.url, maxConnections: 4 });
  return {
    db,
    async close() {
      await holder.shardlineDatabase?.close();
      holder.shardlineDatabase = undefined;
      await db.close();
      await database.drop();
    },
  };
}

/** Calls a route handler. `body` is sent as JSON unless it is a string (sent as it is). */
// biome-ignore lint/suspicious/noExplicitAny: see ApiAnswer
export async function call<T = any, P extends Record<string, string> = Record<string, string>>(
  handler: Handler<P>,
  options: {
    method?: string;
    path?: string;
    params?: P;
    query?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiAnswer<T>> {
  const url = new URL(options.path ?? '/api/v1', ORIGIN);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const hasBody = options.body !== undefined;
  const request = new Request(url, {
    method: options.method ?? (hasBody ? 'POST' : 'GET'),
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: hasBody
      ? typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body)
      : undefined,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, body: body as T, text };
}
