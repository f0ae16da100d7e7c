import { randomUUID } from 'node:crypto';
import { type Database, openAlert, resolveAlerts } from '@shardline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listAlerts } from '../app/api/v1/alerts/route';
import { call, openApiHarness } from './api-harness';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openApiHarness());
});
afterAll(() => close());

const alerts = (query: Record<string, string>, as: 'admin' | 'viewer' = 'admin') =>
  call(listAlerts, { path: '/api/v1/alerts', query, as });

const sinkId = randomUUID();
const otherSinkId = randomUUID();
const sourceId = randomUUID();

describe('GET /api/v1/alerts', () => {
  beforeAll(async () => {
    // As the engine's evaluator leaves them: a size alert resolved, a blocked group and a lagging source open.
    const condition = (kind: 'message_too_large' | 'group_blocked', sink: string) => ({
      kind,
      sinkId: sink,
      sourceId: null,
      targetName: sink === sinkId ? 'orders' : 'payments',
      summary: `${kind} on ${sink}`,
      details: { count: 1 },
    });
    await openAlert(db, condition('message_too_large', sinkId));
    await resolveAlerts(db, { kinds: ['message_too_large'], keep: [] });
    await openAlert(db, condition('group_blocked', sinkId));
    await openAlert(db, condition('group_blocked', otherSinkId));
    await openAlert(db, {
      kind: 'source_lagging',
      sinkId: null,
      sourceId,
      targetName: 'shop',
      summary: 'Changes reach the sinks late',
      details: { retainedBytes: 2_000_000_000 },
    });
  });

  it('lists the open alerts and the history apart, newest first, to a viewer too', async () => {
    const active = await alerts({ state: 'active' }, 'viewer');
    expect(active.status, active.text).toBe(200);
    expect(
      active.body.alerts.map((alert: { kind: string; targetName: string }) => [alert.kind, alert.targetName]),
    ).toEqual([
      ['source_lagging', 'shop'],
      ['group_blocked', 'payments'],
      ['group_blocked', 'orders'],
    ]);
    expect(active.body.alerts[0]).toMatchObject({
      sinkId: null,
      sourceId,
      resolvedAt: null,
      details: { retainedBytes: 2_000_000_000 },
      notifications: { openedAt: null, resolvedAt: null, error: null },
    });

    const resolved = await alerts({ state: 'resolved' });
    expect(resolved.body.alerts).toHaveLength(1);
    expect(resolved.body.alerts[0]).toMatchObject({
      kind: 'message_too_large',
      sinkId,
      targetName: 'orders',
    });
    expect(Date.parse(resolved.body.alerts[0].resolvedAt)).toBeGreaterThanOrEqual(
      Date.parse(resolved.body.alerts[0].openedAt),
    );
  });

  it('filters by sink, kind and time, and pages with nextCursor', async () => {
    const ofSink = await alerts({ sinkId });
    expect(ofSink.body.alerts.map((alert: { kind: string }) => alert.kind)).toEqual([
      'group_blocked',
      'message_too_large',
    ]);
    const activeOfSink = await alerts({ sinkId, state: 'active' });
    expect(activeOfSink.body.alerts.map((alert: { kind: string }) => alert.kind)).toEqual(['group_blocked']);
    expect((await alerts({ kind: 'source_lagging' })).body.alerts).toHaveLength(1);
    expect((await alerts({ until: '2000-01-01T00:00:00Z' })).body.alerts).toEqual([]);

    const first = await alerts({ limit: '3' });
    expect(first.body.alerts).toHaveLength(3);
    const rest = await alerts({ limit: '3', before: first.body.nextCursor });
    expect(rest.body.alerts).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('says which parameter is wrong', async () => {
    const kind = await alerts({ kind: 'disk_full' });
    expect(kind.status).toBe(400);
    expect(kind.body.error).toMatchObject({ code: 'invalid_input', field: 'kind' });
    expect(kind.body.error.message).toMatch(/kind must be one of message_too_large, group_blocked/);
    const sink = await alerts({ sinkId: 'orders' });
    expect(sink.body.error).toMatchObject({ field: 'sinkId' });
    const since = await alerts({ since: 'yesterday' });
    expect(since.body.error.message).toMatch(/since must be a date and time in ISO 8601/);
  });
});
