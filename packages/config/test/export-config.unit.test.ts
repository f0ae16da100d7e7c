import { defaultReplicationName, type InstanceConfiguration } from '@shardline/db';
import { describe, expect, it } from 'vitest';
import { describeConfigError, exportConfig, parseConfig, planChanges, reference } from '../src';

const INSTANCE: InstanceConfiguration = {
  sources: [
    {
      name: 'shop',
      host: 'db.internal',
      port: 5432,
      database: 'shop',
      username: 'shardline',
      password: 'the database password',
      sslMode: 'require',
      publicationName: defaultReplicationName('shop') ?? '',
      slotName: 'shardline_shop_slot',
    },
  ],
  transforms: [
    {
      name: 'order-id',
      kind: 'code',
      description: '',
      body: '(message) => ({\n  id: message.record.id,\n})\n',
    },
  ],
  sinks: [
    {
      name: 'orders',
      source: 'shop',
      streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders',
      endpoint: null,
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'the secret access key',
      tables: [
        { schema: 'public', name: 'orders', actions: ['insert', 'update'], groupColumns: ['customer_id'] },
        { schema: 'sales', name: 'refunds', actions: ['insert', 'update', 'delete'], groupColumns: [] },
      ],
      filter: '(message) => message.record.total > 0',
      routing: `(message) =>\n  \`arn:aws:kinesis:eu-west-1:123456789012:stream/orders-\${message.record.region}\`\n`,
      transform: 'order-id',
      backoffCapMs: 180_000,
      maxAttempts: 10,
      maxRecordSizeBytes: 1_048_576,
      laneCount: 8,
      aggregateRecords: false,
      annotations: { team: 'payments' },
      alertThresholds: {
        groupBlockedMs: 120_000,
        sinkFailingMs: null,
        sinkNotCapturingMs: null,
        sinkThrottledMs: null,
      },
    },
  ],
  alerts: {
    webhookUrl: 'https://hooks.example.com/services/T000/B000/secret-path',
    thresholds: {
      groupBlockedMs: null,
      sinkFailingMs: 600_000,
      sinkNotCapturingMs: null,
      sinkThrottledMs: null,
      sourceLagBytes: 2 * 1024 ** 3,
      sourceStalledMs: null,
    },
  },
};

const SECRETS = {
  SOURCE_SHOP_PASSWORD: 'the database password',
  SINK_ORDERS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  SINK_ORDERS_SECRET_ACCESS_KEY: 'the secret access key',
  ALERTS_WEBHOOK_URL: 'https://hooks.example.com/services/T000/B000/secret-path',
};

describe('exportConfig', () => {
  it('writes secrets as references only, and lists the variables to set', () => {
    const { text, variables } = exportConfig(INSTANCE);
    expect(variables).toEqual(Object.keys(SECRETS));
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    expect(text).toContain(`password: ${reference('SOURCE_SHOP_PASSWORD')}`);
    // Defaults and derived names are left out; settings that differ are kept.
    expect(text).not.toContain('publicationName');
    expect(text).toContain('slotName: shardline_shop_slot');
    expect(text).not.toContain('backoffCapMs');
    expect(text).toContain('laneCount: 8');
    // Only the thresholds that are set, the sink's own and the installation's.
    expect(text).toContain('groupBlockedMs: 120000');
    expect(text).toContain('sourceLagBytes: 2147483648');
    expect(text).not.toContain('sinkThrottledMs');
  });

  it('reads back as the same configuration: plan reports nothing, and a second export is identical', () => {
    const { text } = exportConfig(INSTANCE);
    const parsed = parseConfig(text, SECRETS);
    if (!parsed.ok) throw new Error(parsed.errors.map(describeConfigError).join('\n'));
    expect(planChanges(parsed.configuration, { version: 1, ...INSTANCE })).toEqual([]);
    const again = exportConfig({ ...parsed.configuration } as unknown as InstanceConfiguration);
    expect(again.text).toBe(text);
  });
});
