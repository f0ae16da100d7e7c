import { createApiToken, createDatabase, type Database } from '@shardline/db';
import { createTestDatabase } from '@shardline/testing';
import type { RouteContext } from '../lib/server/api/api-route';

export const TEST_SECRET_KEY = 'b'.repeat(64);
export const ORIGIN = 'http://console.test';

/** Tokens of the harness's database, made by openApiHarness: `call` sends the admin's by default. */
const tokens: { admin?: string; viewer?: string } = {};
/** The name of the harness's admin token: who the tests' changes are recorded as. */
export const TEST_ACTOR = 'test-suite';

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
  headers: Headers;
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
  // Every route needs credentials: tests call as an admin unless they say otherwise.
  tokens.admin = (await createApiToken(db, { input: { name: TEST_ACTOR, role: 'admin' } })).token;
  tokens.viewer = (await createApiToken(db, { input: { name: 'tests-viewer', role: 'viewer' } })).token;
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

/**
 * Calls a route handler. `body` is sent as JSON unless it is a string (sent as it is). It is sent
 * with the harness's admin API token, or as `as` says (`none`: no credentials), and with the
 * console's Origin, as the console's pages send it; `headers` override both.
 */
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
    as?: 'admin' | 'viewer' | 'none';
  } = {},
): Promise<ApiAnswer<T>> {
  const url = new URL(options.path ?? '/api/v1', ORIGIN);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const hasBody = options.body !== undefined;
  const as = options.as ?? 'admin';
  const token = as === 'none' ? undefined : tokens[as];
  if (as !== 'none' && !token) throw new Error('openApiHarness() must run before call()');
  const request = new Request(url, {
    method: options.method ?? (hasBody ? 'POST' : 'GET'),
    headers: {
      origin: ORIGIN,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
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
  return { status: response.status, body: body as T, text, headers: response.headers };
}

/** The `name=value` of the session cookie an answer sets (sign-in, setup), for the next requests. */
export function sessionCookieOf(response: { headers: Headers }): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  const pair = setCookie.split(';')[0] ?? '';
  if (!pair.includes('=') || pair.endsWith('=')) throw new Error(`no session cookie in "${setCookie}"`);
  return pair;
}
