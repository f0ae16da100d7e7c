import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeConfigError, parseConfig } from '../src';

const FILE = `version: 1
sources:
  - name: shop
    host: \${SHOP_DB_HOST}
    database: shop
    username: shardline
    password: \${SHOP_DB_PASSWORD}
transforms:
  - name: order-id
    kind: code
    body: |
      (message) => \`order-\${message.record.id}\`
sinks:
  - name: orders
    source: shop
    streamArn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders
    accessKeyId: \${AWS_ACCESS_KEY_ID}
    secretAccessKey: \${AWS_SECRET_ACCESS_KEY}
    transform: order-id
    routing: |
      (message) => \`arn:aws:kinesis:eu-west-1:123456789012:stream/orders-\${message.record.region}\`
    tables:
      - name: orders
        groupColumns: [customer_id]
`;
const VARIABLES = {
  SHOP_DB_HOST: 'db.internal',
  SHOP_DB_PASSWORD: 'hunter2-but-longer',
  AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret-key',
};

function errorsOf(text: string, variables: Record<string, string> = VARIABLES): string[] {
  const parsed = parseConfig(text, variables);
  if (parsed.ok) throw new Error('the file was accepted');
  return parsed.errors.map(describeConfigError);
}

describe('parseConfig', () => {
  it('reads a file with the API defaults filled in and references replaced, code kept as written', () => {
    const parsed = parseConfig(FILE, VARIABLES);
    if (!parsed.ok) throw new Error(parsed.errors.map(describeConfigError).join('\n'));
    const { sources, transforms, sinks } = parsed.configuration;
    expect(sources[0]).toMatchObject({
      host: 'db.internal',
      port: 5432,
      sslMode: 'prefer',
      password: 'hunter2-but-longer',
    });
    // `${…}` inside code is JavaScript's: it is not a reference.
    expect(transforms[0]?.body).toContain(`\`order-\${message.record.id}\``);
    expect(sinks[0]?.routing).toContain(`stream/orders-\${message.record.region}\``);
    expect(sinks[0]).toMatchObject({
      source: 'shop',
      transform: 'order-id',
      laneCount: 4,
      backoffCapMs: 180_000,
      aggregateRecords: false,
      tables: [
        {
          schema: 'public',
          name: 'orders',
          actions: ['insert', 'update', 'delete'],
          groupColumns: ['customer_id'],
        },
      ],
    });
    expect(parsed.secretVariables).toEqual({
      'sources.shop.password': 'SHOP_DB_PASSWORD',
      'sinks.orders.accessKeyId': 'AWS_ACCESS_KEY_ID',
      'sinks.orders.secretAccessKey': 'AWS_SECRET_ACCESS_KEY',
    });
  });

  it('names the line and field of an unknown field', () => {
    expect(errorsOf(FILE.replace('    transform: order-id', '    transfrom: order-id'))).toEqual([
      'line 19, sinks[0].transfrom: "transfrom" is not a field here',
    ]);
  });

  it('names a missing environment variable and where it is used', () => {
    const { SHOP_DB_PASSWORD: _, ...without } = VARIABLES;
    expect(errorsOf(FILE, without)).toEqual([
      'line 7, sources[0].password: the environment variable SHOP_DB_PASSWORD is not set',
    ]);
  });

  it('refuses a secret written as its value', () => {
    expect(errorsOf(FILE.replace(`password: \${SHOP_DB_PASSWORD}`, 'password: hunter2'))).toEqual([
      expect.stringMatching(/^line 7, sources\[0\]\.password: password is a secret: write it as a reference/),
    ]);
  });

  it('refuses a sink naming a source or transform the file does not define', () => {
    expect(errorsOf(FILE.replace('    source: shop', '    source: warehouse'))).toEqual([
      'line 15, sinks[0].source: no source is named "warehouse" in the file (it has "shop")',
    ]);
    expect(errorsOf(FILE.replace('transform: order-id', 'transform: nothing'))).toEqual([
      'line 19, sinks[0].transform: no transform is named "nothing" in the file (it has "order-id")',
    ]);
  });

  it('gives the rules of the API with their line', () => {
    expect(errorsOf(FILE.replace('stream/orders', 'table/orders'))).toEqual([
      expect.stringMatching(/^line 16, sinks\[0\]\.streamArn: /),
    ]);
    expect(errorsOf(`${FILE}    laneCount: 0\n`)).toEqual([
      expect.stringMatching(/^line 25, sinks\[0\]\.laneCount: /),
    ]);
  });

  it('refuses names used twice', () => {
    const twice = FILE.replace(
      'transforms:\n',
      'transforms:\n  - name: order-id\n    kind: path\n    body: record\n',
    );
    expect(errorsOf(twice)).toEqual([
      expect.stringMatching(/^line 12, transforms\[1\]\.name: the transform name "order-id" is used twice/),
    ]);
  });

  it('explains invalid YAML with its line, and an empty file', () => {
    expect(errorsOf('version: 1\nsources:\n  - name: [shop\n')).toEqual([
      expect.stringMatching(/^line [34]: /),
    ]);
    expect(errorsOf('version: 1\nversion: 2\n')).toEqual([expect.stringMatching(/^line 2: .*[Uu]nique/)]);
    expect(errorsOf('')).toEqual(['the file is empty: it needs at least `version: 1`']);
    expect(errorsOf('version: 2\n')).toEqual(['line 1, version: version must be 1']);
  });
});

describe('the example file', () => {
  it('is valid, with its variables set', () => {
    const example = readFileSync(
      fileURLToPath(new URL('../../../config/shardline.example.yaml', import.meta.url)),
      'utf8',
    );
    const parsed = parseConfig(example, {
      ...VARIABLES,
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/x',
    });
    expect(parsed.ok ? [] : parsed.errors.map(describeConfigError)).toEqual([]);
  });
});
