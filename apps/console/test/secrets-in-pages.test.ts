import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleServer, startConsoleServer } from './browser/console-server';

// Runs the production build, as the browser tests do: `npm run build -w @shardline/console` first.

const SECRET_KEY = 'e'.repeat(64);
const ADMIN = { email: 'admin@example.com', password: 'a long enough password' };
const AWS_SECRET = 'wJalrXUtnFEMI-page-secret-never-rendered';
const DB_PASSWORD = 'source-password-never-rendered';
const WEBHOOK_SECRET = 'webhook-path-never-rendered';

let database: TestDatabase;
let server: ConsoleServer;
let cookie = '';

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      cookie,
      origin: server.url,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startConsoleServer({
    DATABASE_URL: database.url,
    SHARDLINE_SECRET_KEY: SECRET_KEY,
    SHARDLINE_ADMIN_EMAIL: ADMIN.email,
    SHARDLINE_ADMIN_PASSWORD: ADMIN.password,
  });
  const signedIn = await send('POST', '/api/v1/session', ADMIN);
  expect(signedIn.status).toBe(200);
  cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe('stored secrets', () => {
  it('appear in no page the console renders, nor in the API answers those pages use', async () => {
    // Saved with force: the hosts are made up, and the checks run on saving would refuse them.
    const source = await send('POST', '/api/v1/sources?force=true', {
      name: 'shop',
      url: `postgres://shop:${DB_PASSWORD}@db.internal:5432/shop`,
    });
    expect(source.status).toBe(201);
    const sourceId = ((await source.json()) as { source: { id: string } }).source.id;
    const sink = await send('POST', '/api/v1/sinks?force=true', {
      name: 'orders',
      streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders',
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: AWS_SECRET,
    });
    expect(sink.status).toBe(201);
    const sinkId = ((await sink.json()) as { sink: { id: string } }).sink.id;
    const webhook = await send('PUT', '/api/v1/alerts/settings', {
      webhookUrl: `http://127.0.0.1:9/services/T0/B0/${WEBHOOK_SECRET}`,
    });
    expect(webhook.status).toBe(200);

    const paths = [
      '/sinks',
      `/sinks/${sinkId}`,
      `/sinks/${sinkId}/edit`,
      '/sources',
      `/sources/${sourceId}`,
      '/audit',
      '/alerts/settings',
      '/api/v1/sinks',
      `/api/v1/sinks/${sinkId}`,
      '/api/v1/sources',
      `/api/v1/sources/${sourceId}`,
      '/api/v1/audit',
      '/api/v1/alerts/settings',
    ];
    for (const path of paths) {
      const response = await send('GET', path);
      expect(response.status, path).toBe(200);
      const text = await response.text();
      expect(text, path).not.toContain(AWS_SECRET);
      expect(text, path).not.toContain(DB_PASSWORD);
      expect(text, path).not.toContain(WEBHOOK_SECRET);
    }
  });
});
