import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, openApiHarness } from './api-harness';

// Every route file under app/api/v1 and every method it exports, as openapi-coverage.test.ts
// finds them: a new route is tested here the day it is added.
const API_DIR = fileURLToPath(new URL('../app/api/v1', import.meta.url));
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;
const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Routes anyone may call (docs/security.md): health, sign-in, first-run setup, and the JSON Schema
 * of shardline.yaml (the repository's own file, for editors that fetch it without a token).
 */
const PUBLIC = new Set([
  'GET /api/v1/health',
  'GET /api/v1/config/schema',
  'POST /api/v1/session',
  'GET /api/v1/setup',
  'POST /api/v1/setup',
]);
/** Changes a viewer may make: signing itself out, changing its own password. */
const VIEWER_MAY = new Set(['DELETE /api/v1/session', 'POST /api/v1/session/password']);
/** Reading routes a viewer may not read: who has access, and the whole configuration as a file. */
const ADMIN_READS = new Set(['GET /api/v1/accounts', 'GET /api/v1/tokens', 'GET /api/v1/config/export']);

const SOME_UUID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

interface Route {
  key: string;
  path: string;
  params: Record<string, string>;
  handler: Parameters<typeof call>[0];
  method: string;
}

function routeFiles(dir: string): Array<{ file: string; segments: string[] }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== 'route.ts') return [];
    return [{ file: full, segments: relative(API_DIR, dir).split(sep).filter(Boolean) }];
  });
}

async function allRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const { file, segments } of routeFiles(API_DIR)) {
    const module = (await import(file)) as Record<string, unknown>;
    const params: Record<string, string> = {};
    const pattern =
      `/api/v1/${segments.map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`.replace(
        /\/$/,
        '',
      );
    const path = segments
      .map((segment) => {
        const name = /^\[(\w+)\]$/.exec(segment)?.[1];
        if (!name) return segment;
        params[name] = name === 'messageId' ? '1' : SOME_UUID;
        return params[name];
      })
      .join('/');
    for (const method of METHODS) {
      const handler = module[method];
      if (typeof handler !== 'function') continue;
      routes.push({
        key: `${method} ${pattern}`,
        path: `/api/v1/${path}`,
        params,
        handler: handler as Route['handler'],
        method,
      });
    }
  }
  return routes;
}

let routes: Route[];
let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await openApiHarness());
  routes = await allRoutes();
});
afterAll(() => close());

function send(route: Route, as: 'viewer' | 'none') {
  return call(route.handler, {
    method: route.method,
    path: route.path,
    params: route.params,
    as,
    ...(MUTATING.has(route.method) ? { body: {} } : {}),
  });
}

describe('access to every route of the API', () => {
  it('finds the routes in app/api/v1, the access routes among them', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((route) => route.key)).toEqual(
      expect.arrayContaining([...PUBLIC, ...VIEWER_MAY, ...ADMIN_READS, 'DELETE /api/v1/tokens/{id}']),
    );
  });

  it('answers 401 to every route but the public ones without credentials', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (PUBLIC.has(route.key)) continue;
      const answer = await send(route, 'none');
      if (answer.status !== 401 || answer.body?.error?.code !== 'unauthenticated') {
        wrong.push(`${route.key}: ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 to a bearer token that is not one', async () => {
    const sinks = routes.find((route) => route.key === 'GET /api/v1/sinks');
    if (!sinks) throw new Error('GET /api/v1/sinks is missing');
    const answer = await call(sinks.handler, {
      path: sinks.path,
      as: 'none',
      headers: { authorization: 'Bearer shl_not-a-token' },
    });
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toMatch(/API token is not valid/);
  });

  it('answers 403 to every change a viewer token asks for, and to the lists of who has access', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (PUBLIC.has(route.key) || VIEWER_MAY.has(route.key)) continue;
      if (!MUTATING.has(route.method) && !ADMIN_READS.has(route.key)) continue;
      const answer = await send(route, 'viewer');
      if (answer.status !== 403 || answer.body?.error?.code !== 'forbidden') {
        wrong.push(`${route.key}: ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets a viewer token read everything else (no 401 or 403)', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (MUTATING.has(route.method) || ADMIN_READS.has(route.key) || PUBLIC.has(route.key)) continue;
      const answer = await send(route, 'viewer');
      if (answer.status === 401 || answer.status === 403) wrong.push(`${route.key}: ${answer.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
