import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as signIn } from '../app/api/v1/session/route';
import { POST as setUp } from '../app/api/v1/setup/route';
import { GET as listMessages } from '../app/api/v1/sinks/[id]/messages/route';
import { POST as createSink } from '../app/api/v1/sinks/route';
import { call, ORIGIN, openApiHarness } from './api-harness';
import { sinkBody } from './sinks-fixtures';

const FORCE = { force: 'true' };
const MIB = 1024 * 1024;

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await openApiHarness());
});
afterAll(() => close());

/** A JSON body of `totalBytes` streamed in 1 MiB chunks, counting how many were read. */
function streamedBody(totalBytes: number) {
  let pulled = 0;
  const chunk = new TextEncoder().encode('a'.repeat(MIB));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"email":"ada@example.com","password":"'));
    },
    pull(controller) {
      pulled += 1;
      if (pulled * MIB >= totalBytes) controller.close();
      else controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

function postStream(path: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(new URL(path, ORIGIN), {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
    body: stream,
    duplex: 'half',
  } as RequestInit);
}

describe('request size limits', () => {
  it.each([
    ['/api/v1/session', signIn],
    ['/api/v1/setup', setUp],
  ])('%s reads 4 KiB at most of a 100 MiB body, and answers 413 at once', async (path, handler) => {
    const before = process.memoryUsage().rss;
    const { stream, pulled } = streamedBody(100 * MIB);
    const startedAt = performance.now();
    const response = await handler(postStream(path, stream), { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'the request body is larger than 4 KiB, the most this route reads',
      },
    });
    // Before, the whole body was read: 25 s and 290 MiB more.
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    expect(pulled()).toBeLessThanOrEqual(2);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * MIB);
  });

  it('refuses a declared Content-Length past the limit before reading anything', async () => {
    const { stream, pulled } = streamedBody(10 * MIB);
    const response = await signIn(
      postStream('/api/v1/session', stream, { 'content-length': String(10 * MIB) }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(response.status).toBe(413);
    expect(pulled()).toBe(0);
  });

  it('refuses a sink with a 20 MiB annotation with 413, and long annotations with 400 naming them', async () => {
    const huge = await call(createSink, {
      path: '/api/v1/sinks',
      query: FORCE,
      body: sinkBody({ annotations: { team: 'x'.repeat(20 * MIB) } }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/larger than 256 KiB/);
    const long = await call(createSink, {
      path: '/api/v1/sinks',
      query: FORCE,
      body: sinkBody({ annotations: { team: 'x'.repeat(2_000) } }),
    });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'invalid_input', field: 'annotations.team' });
  });
});

describe('characters Postgres cannot store', () => {
  it('refuses a NUL byte in a sink name with a 400 naming the field', async () => {
    const answer = await call(createSink, {
      path: '/api/v1/sinks',
      query: FORCE,
      body: sinkBody({ name: 'orders\u0000' }),
    });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.error).toEqual({
      code: 'invalid_input',
      field: 'name',
      message: 'name: must not contain a NUL character (\\u0000)',
    });
  });

  it('refuses a NUL byte in a message filter, and a cursor out of range, naming each', async () => {
    const created = await call(createSink, { path: '/api/v1/sinks', query: FORCE, body: sinkBody() });
    expect(created.status, created.text).toBe(201);
    const id = created.body.sink.id;
    for (const field of ['group', 'table', 'errorCode']) {
      const answer = await call(listMessages, {
        path: `/api/v1/sinks/${id}/messages`,
        params: { id },
        query: { [field]: 'a\u0000b' },
      });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.error.field).toBe(field);
    }
    for (const cursor of ['99999999999999999999:1:1', '1:99999999999:1', '1:1:9223372036854775808']) {
      const answer = await call(listMessages, {
        path: `/api/v1/sinks/${id}/messages`,
        params: { id },
        query: { after: Buffer.from(cursor).toString('base64url') },
      });
      expect(answer.status, `${cursor}: ${answer.text}`).toBe(400);
      expect(answer.body.error.field).toBe('after');
    }
  });
});
