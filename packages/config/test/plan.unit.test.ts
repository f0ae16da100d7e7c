import { describe, expect, it } from 'vitest';
import { type Configuration, planChanges, SECRET_MASK } from '../src';

const SOURCE = {
  name: 'shop',
  host: 'db.internal',
  port: 5432,
  database: 'shop',
  username: 'shardline',
  password: 'first password',
  sslMode: 'prefer' as const,
  publicationName: null,
  slotName: null,
};
const SINK = {
  name: 'orders',
  source: 'shop',
  streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders',
  endpoint: null,
  accessKeyId: null,
  secretAccessKey: null,
  tables: [
    { schema: 'public', name: 'orders', actions: ['insert' as const, 'update' as const], groupColumns: [] },
  ],
  filter: null,
  routing: null,
  transform: null,
  backoffCapMs: 180_000,
  maxAttempts: null,
  maxRecordSizeBytes: 1_048_576,
  laneCount: 4,
  aggregateRecords: false,
  annotations: {},
};
const CONFIG: Configuration = { version: 1, sources: [SOURCE], transforms: [], sinks: [SINK] };

describe('planChanges', () => {
  it('reports nothing when the file matches the instance', () => {
    expect(planChanges(CONFIG, structuredClone(CONFIG))).toEqual([]);
  });

  it('reports exactly the field that was edited', () => {
    const edited = structuredClone(CONFIG);
    (edited.sinks[0] as { laneCount: number }).laneCount = 8;
    expect(planChanges(edited, CONFIG)).toEqual([
      { action: 'update', kind: 'sink', name: 'orders', fields: [{ field: 'laneCount', from: 4, to: 8 }] },
    ]);
  });

  it('reports a table by its name, and a secret without its value', () => {
    const edited = structuredClone(CONFIG);
    edited.sinks[0]?.tables[0]?.actions.push('delete');
    (edited.sources[0] as { password: string }).password = 'second password';
    const plan = planChanges(edited, CONFIG);
    expect(plan).toEqual([
      {
        action: 'update',
        kind: 'source',
        name: 'shop',
        fields: [{ field: 'password', from: SECRET_MASK, to: SECRET_MASK }],
      },
      {
        action: 'update',
        kind: 'sink',
        name: 'orders',
        fields: [
          {
            field: 'tables[public.orders].actions',
            from: ['insert', 'update'],
            to: ['insert', 'update', 'delete'],
          },
        ],
      },
    ]);
    expect(JSON.stringify(plan)).not.toContain('second password');
  });

  it('creates sources before the sinks that need them, and deletes sinks before their sources', () => {
    const empty: Configuration = { version: 1, sources: [], transforms: [], sinks: [] };
    expect(planChanges(CONFIG, empty).map(({ action, kind }) => `${action} ${kind}`)).toEqual([
      'create source',
      'create sink',
    ]);
    expect(planChanges(empty, CONFIG).map(({ action, kind }) => `${action} ${kind}`)).toEqual([
      'delete sink',
      'delete source',
    ]);
  });
});
