import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleServer, startConsoleServer } from './browser/console-server';

// Runs the production build, as the browser tests do: `npm run build -w @shardline/console` first.

const SECRET_KEY = 'd'.repeat(64);

let database: TestDatabase;
let server: ConsoleServer;
beforeAll(async () => {
  database = await createTestDatabase();
  server = await startConsoleServer({ DATABASE_URL: database.url, SHARDLINE_SECRET_KEY: SECRET_KEY });
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** The CSP's directives by name, e.g. `frame-ancestors` → `["'none'"]`. */
function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('security headers', () => {
  it.each([
    ['a page', '/sign-in', 200],
    ['a page that sends to sign-in', '/sinks', 307],
    ['an API route', '/api/v1/health', 200],
    ['an API answer refused without credentials', '/api/v1/sinks/not-a-sink', 401],
    ['a page that does not exist, before sign-in', '/no-such-page', 307],
    ['the liveness check', '/healthz', 200],
    ['the metrics endpoint refused without credentials', '/metrics', 401],
  ])('are sent with %s (%s)', async (_what, path, status) => {
    const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(status);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');

    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    // The production build never evals; only `next dev` may.
    expect(csp['script-src']).not.toContain("'unsafe-eval'");
  });
});
