import { createApiToken, createDatabase } from '@shardline/db';
import { createTestDatabase, parsePrometheusText, sampleValue, type TestDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleServer, startConsoleServer } from './browser/console-server';

// Runs the production build, as the browser tests do: `npm run build -w @shardline/console` first.
// Through the real server, so the sign-in redirect (proxy.ts) is part of what is tested.

const SECRET_KEY = 'd'.repeat(64);
const SOME_SINK = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

let database: TestDatabase;
let server: ConsoleServer;
let viewerToken: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 2 });
  try {
    viewerToken = (await createApiToken(db, { input: { name: 'prometheus', role: 'viewer' } })).token;
  } finally {
    await db.close();
  }
  server = await startConsoleServer({ DATABASE_URL: database.url, SHARDLINE_SECRET_KEY: SECRET_KEY });
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', headers });

describe("the console's endpoints for machines", () => {
  it('/healthz and /readyz answer without credentials, never sending to sign-in', async () => {
    const alive = await get('/healthz');
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok' } });
  });

  it('/metrics asks for an API token with 401 (not a sign-in redirect), and refuses one that is not valid', async () => {
    const anonymous = await get('/metrics');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthenticated');
    const wrong = await get('/metrics', { authorization: 'Bearer shl_not-a-token' });
    expect(wrong.status).toBe(401);
  });

  it('/metrics gives a viewer token request durations by route pattern and status, and process metrics', async () => {
    const auth = { authorization: `Bearer ${viewerToken}` };
    expect((await get('/healthz')).status).toBe(200);
    expect((await get(`/api/v1/sinks/${SOME_SINK}`, auth)).status).toBe(404);
    expect((await get('/api/v1/sinks', auth)).status).toBe(200);

    const answer = await get('/metrics', auth);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    const samples = parsePrometheusText(text);
    const count = (labels: Record<string, string>) =>
      sampleValue(samples, 'shardline_console_http_request_duration_seconds_count', labels);
    expect(count({ method: 'GET', route: '/healthz', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(count({ method: 'GET', route: '/api/v1/sinks', status: '200' })).toBeGreaterThanOrEqual(1);
    // The sink's id is not a label: its route pattern is.
    expect(count({ method: 'GET', route: '/api/v1/sinks/[id]', status: '404' })).toBe(1);
    expect(count({ method: 'GET', route: '/metrics', status: '401' })).toBeGreaterThanOrEqual(1);
    expect(samples.some((sample) => Object.values(sample.labels).includes(SOME_SINK))).toBe(false);
    expect(sampleValue(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    // The engine's metrics are the engine's: the console does not report empty copies of them.
    expect(text).not.toContain('shardline_messages_delivered_total');
  });
});
