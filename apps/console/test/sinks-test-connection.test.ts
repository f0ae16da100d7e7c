import { createTestStream, type TestStream } from '@shardline/testing';
import { kinesisEndpoint } from '@shardline/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createSink, GET as listSinks } from '../app/api/v1/sinks/route';
import { POST as testConnection } from '../app/api/v1/sinks/test-connection/route';
import { call, openApiHarness } from './api-harness';
import { SECRET, sinkBody } from './sinks-fixtures';

/** Not about the checks run on saving: saved whatever they would say. */
const FORCE = { force: 'true' };

let close: () => Promise<void>;
let stream: TestStream;
beforeAll(async () => {
  ({ close } = await openApiHarness());
  stream = await createTestStream(kinesisEndpoint(), { shardCount: 2 });
});
afterAll(() => close());

// The emulator accepts any keys; giving some keeps the SDK from looking for the host's own.
const KEYS = { accessKeyId: 'AKIAEMULATOR', secretAccessKey: SECRET };

function test(body: unknown) {
  return call(testConnection, { path: '/api/v1/sinks/test-connection', body });
}

describe('POST /api/v1/sinks/test-connection', () => {
  it('describes a stream that exists', async () => {
    const answer = await test({ streamArn: stream.streamArn, endpoint: kinesisEndpoint(), ...KEYS });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      ok: true,
      stream: { name: stream.streamName, status: 'ACTIVE', shardCount: 2 },
    });
    expect(answer.body.stream).toHaveProperty('maxRecordSizeBytes');
    expect(answer.text).not.toContain(SECRET);
  });

  it('says the stream is unknown, naming it and its region, with status 200', async () => {
    const missing = stream.streamArn.replace(/stream\/.+$/, 'stream/no-such-stream');
    const answer = await test({ streamArn: missing, endpoint: kinesisEndpoint(), ...KEYS });
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.error.code).toBe('ResourceNotFoundException');
    expect(answer.body.error.message).toMatch(/no-such-stream/);
    expect(answer.body.error.hint).toMatch(
      /^Unknown stream: no stream named no-such-stream exists in region us-east-1/,
    );
    expect(answer.body.error.hint).toMatch(/create the stream/);
  });

  it('says the endpoint is unreachable and what to check', async () => {
    // Port 1 is reserved and nothing listens there: the connection is refused at once.
    const answer = await test({ streamArn: stream.streamArn, endpoint: 'http://127.0.0.1:1', ...KEYS });
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.error.code).toBe('ECONNREFUSED');
    expect(answer.body.error.message).toMatch(/Could not connect to http:\/\/127\.0\.0\.1:1/);
    expect(answer.body.error.message).not.toMatch(/will be retried/);
    expect(answer.body.error.hint).toMatch(
      /^Endpoint unreachable: nothing answered at http:\/\/127\.0\.0\.1:1/,
    );
    expect(answer.body.error.hint).toMatch(/Check the endpoint URL/);
  });

  it('uses the saved secret of a sink when the form has none', async () => {
    const created = await call(createSink, {
      query: FORCE,
      body: sinkBody({ streamArn: stream.streamArn, endpoint: kinesisEndpoint(), ...KEYS }),
    });
    expect(created.status, created.text).toBe(201);
    const answer = await test({
      streamArn: stream.streamArn,
      endpoint: kinesisEndpoint(),
      accessKeyId: KEYS.accessKeyId,
      sinkId: created.body.sink.id,
    });
    expect(answer.body).toMatchObject({ ok: true, stream: { name: stream.streamName } });
    expect(answer.text).not.toContain(SECRET);
    expect((await call(listSinks, {})).text).not.toContain(SECRET);
  });

  it('refuses an access key id without a secret when no saved sink supplies it', async () => {
    const answer = await test({ streamArn: stream.streamArn, accessKeyId: 'AKIAONLY' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field: 'secretAccessKey' });
  });

  it('answers 404 when the saved sink does not exist', async () => {
    const answer = await test({
      streamArn: stream.streamArn,
      accessKeyId: 'AKIAONLY',
      sinkId: '00000000-0000-4000-8000-000000000000',
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });

  it('refuses a malformed ARN and a body that is not JSON', async () => {
    const arn = await test({ streamArn: 'my-stream' });
    expect(arn.status).toBe(400);
    expect(arn.body.error.field).toBe('streamArn');
    expect(arn.body.error.message).toContain('arn:aws:kinesis:<region>:<account-id>:stream/<stream-name>');
    const notJson = await test('not json');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
  });
});
