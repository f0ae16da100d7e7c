import { randomBytes } from 'node:crypto';
import { reference } from '@shardline/config';
import type { Database } from '@shardline/db';
import {
  createSourceDatabase,
  createTestStream,
  type SourceDatabase,
  type TestStream,
} from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as applyRoute } from '../app/api/v1/config/apply/route';
import { GET as exportRoute } from '../app/api/v1/config/export/route';
import { POST as planRoute } from '../app/api/v1/config/plan/route';
import { GET as schemaRoute } from '../app/api/v1/config/schema/route';
import { call, openApiHarness } from './api-harness';
import { sourcePasswordVariable, sourcesSection } from './config-fixtures';

let harness: { db: Database; close(): Promise<void> };
let source: SourceDatabase;
let stream: TestStream;
/** Slot and publication names are server-wide: a source name of its own per run. */
const SOURCE_NAME = `shop_${randomBytes(3).toString('hex')}`;
const SECRETS = { AWS_ACCESS_KEY_ID: 'AKIAEMULATOR', AWS_SECRET_ACCESS_KEY: 'emulator-secret-never-shown' };
let variables: Record<string, string>;

beforeAll(async () => {
  harness = await openApiHarness();
  source = await createSourceDatabase();
  await source.query('CREATE TABLE orders (id bigint PRIMARY KEY, region text NOT NULL)');
  stream = await createTestStream(kinesisEndpoint());
  variables = { ...SECRETS, ...sourcePasswordVariable(source.url) };
});
afterAll(async () => {
  await harness.close();
  await source.drop();
});

/** A file with a source, a transform and a sink to the emulator's stream. */
function configFile(options: { maxAttempts?: number } = {}): string {
  return `version: 1
${sourcesSection(SOURCE_NAME, source.url)}transforms:
  - name: only-the-record
    kind: code
    body: |
      (message) => message.record
sinks:
  - name: orders
    source: ${SOURCE_NAME}
    streamArn: ${stream.streamArn}
    endpoint: ${kinesisEndpoint()}
    accessKeyId: ${reference('AWS_ACCESS_KEY_ID')}
    secretAccessKey: ${reference('AWS_SECRET_ACCESS_KEY')}
    transform: only-the-record
    laneCount: 2
${options.maxAttempts ? `    maxAttempts: ${options.maxAttempts}\n` : ''}    tables:
      - name: orders
        groupColumns: [region]
`;
}

const plan = (file: string, extra: Record<string, unknown> = {}, as?: 'viewer') =>
  call(planRoute, { path: '/api/v1/config/plan', body: { file, variables, ...extra }, as });
const apply = (file: string, extra: Record<string, unknown> = {}, as?: 'viewer') =>
  call(applyRoute, { path: '/api/v1/config/apply', body: { file, variables, ...extra }, as });
const exportFile = () => call(exportRoute, { path: '/api/v1/config/export' });

async function configurationCounts() {
  const { rows } = await harness.db.pool.query<{ sources: number; sinks: number; transforms: number }>(
    `SELECT (SELECT count(*) FROM source)::int AS sources, (SELECT count(*) FROM sink)::int AS sinks,
            (SELECT count(*) FROM transform)::int AS transforms`,
  );
  return rows[0];
}

describe('configuration as code: plan, apply, export', () => {
  it('plans, applies everything through the checks, and a second apply changes nothing', async () => {
    const planned = await plan(configFile());
    expect(planned.status, planned.text).toBe(200);
    expect(
      planned.body.changes.map(
        (change: { action: string; kind: string }) => `${change.action} ${change.kind}`,
      ),
    ).toEqual(['create source', 'create transform', 'create sink']);
    // Planning changed nothing.
    expect(await configurationCounts()).toEqual({ sources: 0, sinks: 0, transforms: 0 });

    const applied = await apply(configFile());
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body.changes).toHaveLength(3);
    expect(await configurationCounts()).toEqual({ sources: 1, sinks: 1, transforms: 1 });
    expect(applied.text).not.toContain(SECRETS.AWS_SECRET_ACCESS_KEY);

    const again = await apply(configFile());
    expect(again.status, again.text).toBe(200);
    expect(again.body.changes).toEqual([]);
    expect((await plan(configFile())).body.changes).toEqual([]);

    const { rows } = await harness.db.pool.query<{ action: string; details: { created: number } }>(
      "SELECT action, details FROM audit_event WHERE action = 'config.apply'",
    );
    // Recorded once: the apply that changed nothing is not an event.
    expect(rows).toEqual([expect.objectContaining({ details: expect.objectContaining({ created: 3 }) })]);
  });

  it('plans exactly the field that was edited, and applies it', async () => {
    const planned = await plan(configFile({ maxAttempts: 10 }));
    expect(planned.body.changes).toEqual([
      {
        action: 'update',
        kind: 'sink',
        name: 'orders',
        fields: [{ field: 'maxAttempts', from: null, to: 10 }],
      },
    ]);
    const applied = await apply(configFile({ maxAttempts: 10 }));
    expect(applied.status, applied.text).toBe(200);
    const { rows } = await harness.db.pool.query("SELECT max_attempts FROM sink WHERE name = 'orders'");
    expect(rows[0]?.max_attempts).toBe(10);
  });

  it('exports the instance with secrets as references, which applies to a fresh instance and exports the same', async () => {
    const exported = await exportFile();
    expect(exported.status, exported.text).toBe(200);
    for (const secret of Object.values(variables).filter(Boolean))
      expect(exported.text).not.toContain(secret);
    const file: string = exported.body.file;
    const passwordVariable = `SOURCE_${SOURCE_NAME.toUpperCase()}_PASSWORD`;
    // The test server may take connections without a password: then the source has none to export.
    expect(exported.body.variables).toEqual([
      'SINK_ORDERS_ACCESS_KEY_ID',
      'SINK_ORDERS_SECRET_ACCESS_KEY',
      ...(variables.SHOP_DB_PASSWORD ? [passwordVariable] : []),
    ]);

    // A fresh instance: a database of its own, given the variables the export names.
    await harness.close();
    harness = await openApiHarness();
    const fresh = {
      SINK_ORDERS_ACCESS_KEY_ID: SECRETS.AWS_ACCESS_KEY_ID,
      SINK_ORDERS_SECRET_ACCESS_KEY: SECRETS.AWS_SECRET_ACCESS_KEY,
      [passwordVariable]: variables.SHOP_DB_PASSWORD ?? '',
    };
    const applied = await call(applyRoute, { body: { file, variables: fresh } });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body.changes).toHaveLength(3);
    expect((await exportFile()).body.file).toBe(file);
    expect((await call(planRoute, { body: { file, variables: fresh } })).body.changes).toEqual([]);
  });

  it('keeps what the file leaves out unless deletions are asked for', async () => {
    const withoutSink = configFile().split('sinks:')[0] ?? '';
    const planned = await plan(withoutSink);
    expect(planned.body.changes).toEqual([]);
    expect(planned.body.kept.map((change: { name: string }) => change.name)).toEqual(['orders']);
    expect((await apply(withoutSink)).body.changes).toEqual([]);
    expect((await configurationCounts())?.sinks).toBe(1);
  });
});

describe('a configuration file that cannot be applied', () => {
  async function expectInvalid(file: string, expected: RegExp, extra: Record<string, unknown> = {}) {
    const before = await configurationCounts();
    const answer = await apply(file, extra);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.error.code).toBe('invalid_config');
    expect(answer.body.error.message).toMatch(expected);
    expect(answer.body.error.details.errors[0].line).toEqual(expect.any(Number));
    expect(await configurationCounts()).toEqual(before);
  }

  it('names the line of an unknown field, a missing variable, an unknown source and broken YAML; applies nothing', async () => {
    await expectInvalid(
      configFile().replace('    laneCount:', '    laneCuont:'),
      /line 23, sinks\[0\].laneCuont: "laneCuont" is not a field here/,
    );
    await expectInvalid(
      configFile(),
      /line 8, sources\[0\]\.password: the environment variable SHOP_DB_PASSWORD is not set/,
      {
        variables: SECRETS,
      },
    );
    await expectInvalid(
      configFile().replace(`    source: ${SOURCE_NAME}`, '    source: warehouse'),
      /line 17, sinks\[0\].source: no source is named "warehouse"/,
    );
    await expectInvalid(`${configFile()}  - name: [broken\n`, /line \d+: /);
  });

  it('undoes the steps already done when a later one fails its checks, and says which entry and line', async () => {
    const before = await configurationCounts();
    const missingStream = stream.streamArn.replace(stream.streamName, `${stream.streamName}-missing`);
    const file = `${configFile()}  - name: second
    source: ${SOURCE_NAME}
    streamArn: ${missingStream}
    endpoint: ${kinesisEndpoint()}
    accessKeyId: ${reference('AWS_ACCESS_KEY_ID')}
    secretAccessKey: ${reference('AWS_SECRET_ACCESS_KEY')}
    laneCount: 2
    tables:
      - name: orders
`.replace(
      '  - name: only-the-record',
      '  - name: new-transform\n    kind: path\n    body: record\n  - name: only-the-record',
    );
    const answer = await apply(file);
    expect(answer.status, answer.text).toBe(422);
    expect(answer.body.error.code).toBe('checks_failed');
    expect(answer.body.error.message).toMatch(
      /nothing was applied: could not create the sink "second" \(line \d+, sinks\[1\]\)/,
    );
    expect(answer.body.error.details.undone).toEqual(['undid create transform new-transform']);
    expect(await configurationCounts()).toEqual(before);
  });

  it('is for admins only, and the schema is public', async () => {
    expect((await plan(configFile(), {}, 'viewer')).status).toBe(403);
    expect((await apply(configFile(), {}, 'viewer')).status).toBe(403);
    expect((await call(exportRoute, { as: 'viewer' })).status).toBe(403);
    const schema = await call(schemaRoute, { as: 'none' });
    expect(schema.status).toBe(200);
    expect(schema.body.properties.sinks).toBeDefined();
  });
});

describe('alert settings in the file', () => {
  // The instance has the file of the tests above, with their last edit.
  const edited = () => configFile({ maxAttempts: 10 });
  const withAlerts = () => `${edited()}    alertThresholds:
      sinkFailingMs: 60000
alerts:
  webhookUrl: ${reference('ALERTS_WEBHOOK_URL')}
  thresholds:
    sourceLagBytes: 2147483648
`;
  const webhook = { ALERTS_WEBHOOK_URL: 'http://127.0.0.1:9/hooks/secret-path' };

  it('plans and applies the webhook, installation thresholds and a sink threshold, then nothing', async () => {
    const planned = await plan(withAlerts(), { variables: { ...variables, ...webhook } });
    expect(planned.status, planned.text).toBe(200);
    expect(planned.body.changes).toEqual([
      {
        action: 'update',
        kind: 'sink',
        name: 'orders',
        fields: [{ field: 'alertThresholds.sinkFailingMs', from: null, to: 60_000 }],
      },
      {
        action: 'update',
        kind: 'alerts',
        name: 'settings',
        fields: [
          { field: 'webhookUrl', from: null, to: '(secret)' },
          { field: 'thresholds.sourceLagBytes', from: null, to: 2_147_483_648 },
        ],
      },
    ]);
    expect(planned.text).not.toContain('secret-path');

    const applied = await apply(withAlerts(), { variables: { ...variables, ...webhook } });
    expect(applied.status, applied.text).toBe(200);
    const { rows } = await harness.db.pool.query(
      'SELECT webhook_host, webhook_url_ciphertext, source_lag_bytes::text AS lag FROM alert_settings',
    );
    expect(rows[0]).toMatchObject({ webhook_host: '127.0.0.1:9', lag: '2147483648' });
    expect(rows[0]?.webhook_url_ciphertext).not.toContain('secret-path');
    const sinkRows = await harness.db.pool.query('SELECT sink_failing_ms FROM sink_alert_thresholds');
    expect(sinkRows.rows).toEqual([{ sink_failing_ms: 60_000 }]);
    expect((await plan(withAlerts(), { variables: { ...variables, ...webhook } })).body.changes).toEqual([]);

    const exported = await exportFile();
    expect(exported.body.file).toContain(`webhookUrl: ${reference('ALERTS_WEBHOOK_URL')}`);
    expect(exported.body.file).toContain('sinkFailingMs: 60000');
    expect(exported.text).not.toContain('secret-path');
  });

  it('leaves the alert settings alone when the file has none, and refuses a webhook written as its value', async () => {
    expect((await plan(edited())).body.changes).toEqual([
      {
        action: 'update',
        kind: 'sink',
        name: 'orders',
        fields: [{ field: 'alertThresholds.sinkFailingMs', from: 60_000, to: null }],
      },
    ]);
    const literal = withAlerts().replace(
      reference('ALERTS_WEBHOOK_URL'),
      'http://127.0.0.1:9/hooks/secret-path',
    );
    const answer = await apply(literal, { variables });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/alerts\.webhookUrl: webhookUrl is a secret/);
  });
});
