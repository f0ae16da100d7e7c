import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../lib/server/openapi/document';

const API_DIR = fileURLToPath(new URL('../app/api/v1', import.meta.url));
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

/** Every route file under app/api/v1, as the OpenAPI path it serves. */
function routeFiles(dir: string): Array<{ file: string; path: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== 'route.ts') return [];
    const segments = relative(API_DIR, dir).split(sep).filter(Boolean);
    const path = `/api/v1/${segments.map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`;
    return [{ file: full, path: path.replace(/\/$/, '') }];
  });
}

describe('the OpenAPI document', () => {
  it('describes every method of every route, so a new route cannot go undocumented', async () => {
    const documented = openApiDocument().paths as Record<string, Record<string, unknown>>;
    const missing: string[] = [];
    const routes = routeFiles(API_DIR);
    expect(routes.length).toBeGreaterThan(1);
    for (const route of routes) {
      const module = (await import(route.file)) as Record<string, unknown>;
      for (const method of METHODS) {
        if (typeof module[method] !== 'function') continue;
        if (!documented[route.path]?.[method.toLowerCase()]) missing.push(`${method} ${route.path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
