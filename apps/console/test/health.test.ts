import { createDatabase, type Database } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as health } from '../app/api/v1/health/route';
import { GET as healthz } from '../app/healthz/route';
import { GET as readyz } from '../app/readyz/route';
import { call, openApiHarness } from './api-harness';

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await openApiHarness());
});
afterAll(() => close());

describe('GET /api/v1/health', () => {
  it('answers ok when the database answers', async () => {
    const answer = await call(health, { path: '/api/v1/health' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 naming the problem when the database cannot be reached', async () => {
    const holder = globalThis as { shardlineDatabase?: Database };
    const working = holder.shardlineDatabase;
    // Nothing listens on port 1: the connection is refused at once.
    const unreachable = createDatabase({ url: 'postgresql://shardline@127.0.0.1:1/shardline' });
    holder.shardlineDatabase = unreachable;
    try {
      const answer = await call(health, { path: '/api/v1/health' });
      expect(answer.status).toBe(503);
      expect(answer.body.status).toBe('unavailable');
      expect(answer.body.database).toBe('unreachable');
      expect(answer.body.error.code).toBe('database_unreachable');
      expect(answer.body.error.message).toMatch(
        /cannot reach its database.*ECONNREFUSED.*check DATABASE_URL/,
      );
    } finally {
      holder.shardlineDatabase = working;
      await unreachable.close();
    }
  });
});

describe('GET /healthz and /readyz', () => {
  it('answer 200 without credentials while the database answers', async () => {
    const alive = await call(healthz, { path: '/healthz', as: 'none' });
    expect(alive.status).toBe(200);
    expect(alive.body).toEqual({ status: 'ok' });
    const ready = await call(readyz, { path: '/readyz', as: 'none' });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { postgres: 'ok' } });
  });

  it('/readyz answers 503 naming Postgres when the database cannot be reached; /healthz still 200', async () => {
    const holder = globalThis as { shardlineDatabase?: Database };
    const working = holder.shardlineDatabase;
    const unreachable = createDatabase({ url: 'postgresql://shardline@127.0.0.1:1/shardline' });
    holder.shardlineDatabase = unreachable;
    try {
      const ready = await call(readyz, { path: '/readyz', as: 'none' });
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('not_ready');
      expect(ready.body.notReady).toEqual(['postgres']);
      expect(ready.body.checks.postgres).toMatch(/^Postgres does not answer: .*ECONNREFUSED/);
      expect((await call(healthz, { path: '/healthz', as: 'none' })).status).toBe(200);
    } finally {
      holder.shardlineDatabase = working;
      await unreachable.close();
    }
  });
});
