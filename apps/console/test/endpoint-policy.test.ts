import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { POST as testConnection } from '../app/api/v1/sinks/test-connection/route';
import { POST as checkSource } from '../app/api/v1/sources/check/route';
import { POST as createSource } from '../app/api/v1/sources/route';
import { call, openApiHarness } from './api-harness';
import { sinkBody } from './sinks-fixtures';

const FORCE = { force: 'true' };
const ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders';

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await openApiHarness());
});
afterAll(() => close());

// None of these is ever connected to: each is refused before any request leaves.
const REFUSED_ENDPOINTS = [
  ['file:///etc/passwd', /http or https URL/],
  ['gopher://127.0.0.1:25/', /http or https URL/],
  ['http://169.254.169.254/latest/meta-data/', /link-local/],
  ['http://[fd00:ec2::254]/', /cloud metadata service/],
  ['http://metadata.google.internal/', /cloud metadata service/],
  ['http://0.0.0.0:4567/', /unspecified/],
] as const;

describe('endpoints and hosts Shardline is told to reach', () => {
  it.each(REFUSED_ENDPOINTS)(
    'refuses the endpoint %s for a test connection and a sink',
    async (endpoint, why) => {
      const tested = await call(testConnection, {
        path: '/api/v1/sinks/test-connection',
        body: { streamArn: ARN, endpoint, accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'not-sent-anywhere' },
      });
      expect(tested.status, tested.text).toBe(400);
      expect(tested.body.error).toMatchObject({ code: 'invalid_input', field: 'endpoint' });
      expect(tested.body.error.message).toMatch(why);
      const saved = await call(createSink, {
        path: '/api/v1/sinks',
        query: FORCE,
        body: sinkBody({ endpoint }),
      });
      expect(saved.status, saved.text).toBe(400);
      expect(saved.body.error.field).toBe('endpoint');
    },
  );

  it.each(['169.254.169.254', 'fe80::1', 'metadata.google.internal'])(
    'refuses the source host %s for a check and a source',
    async (host) => {
      const settings = {
        name: 'metadata',
        host,
        port: 80,
        database: 'x',
        username: 'x',
        password: 'never-sent',
      };
      const checked = await call(checkSource, { path: '/api/v1/sources/check', body: settings });
      expect(checked.status, checked.text).toBe(400);
      expect(checked.body.error).toMatchObject({ code: 'invalid_input', field: 'host' });
      expect(checked.body.error.message).toMatch(/SHARDLINE_ENDPOINT_ALLOW_LIST/);
      const saved = await call(createSource, { path: '/api/v1/sources', query: FORCE, body: settings });
      expect(saved.status, saved.text).toBe(400);
    },
  );

  it('still reaches loopback, where the emulator and the tests live', async () => {
    const tested = await call(testConnection, {
      path: '/api/v1/sinks/test-connection',
      body: {
        streamArn: ARN,
        endpoint: 'http://127.0.0.1:1',
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: 'x-secret',
      },
    });
    expect(tested.status, tested.text).toBe(200);
    expect(tested.body.ok).toBe(false);
  });

  it('never answers with the body of an endpoint that is not Kinesis', async () => {
    const INTERNAL = 'INTERNAL-PAGE: admin panel of 10.0.0.5';
    for (const [status, type, body] of [
      [500, 'text/html', `<h1>${INTERNAL}</h1>`],
      [403, 'application/json', JSON.stringify({ message: INTERNAL })],
      [200, 'text/plain', INTERNAL],
    ] as const) {
      const server = createServer((_request, response) =>
        response.writeHead(status, { 'content-type': type }).end(body),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      try {
        const tested = await call(testConnection, {
          path: '/api/v1/sinks/test-connection',
          body: {
            streamArn: ARN,
            endpoint: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
            accessKeyId: 'AKIAEXAMPLE',
            secretAccessKey: 'x-secret-key',
          },
        });
        expect(tested.status).toBe(200);
        expect(tested.body.ok).toBe(false);
        expect(tested.text).not.toContain('INTERNAL');
        expect(tested.text).not.toContain('admin panel');
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });
});
