import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { createKinesisClient, type KinesisConnection, putRecords } from '../src';
import { ordersConnection, records } from './helpers/connections';
import { type FakeKinesis, type FakeReply, startFakeKinesis } from './helpers/fake-kinesis';
import { unusedPort } from './helpers/unused-port';

let fake: FakeKinesis | undefined;
let client: KinesisClient | undefined;

afterEach(async () => {
  client?.destroy();
  await fake?.close();
  fake = undefined;
});

async function sendTo(endpoint: string, overrides: Partial<KinesisConnection> = {}) {
  const connection = ordersConnection(endpoint, overrides);
  client = createKinesisClient(connection);
  const startedAt = Date.now();
  const outcomes = await putRecords(client, connection, records(2));
  const [first] = outcomes;
  if (!first || first.ok) throw new Error('expected the records to fail');
  expect(outcomes[1]).toEqual(first);
  return { error: first.error, elapsedMs: Date.now() - startedAt };
}

async function sendThrough(reply: FakeReply, overrides: Partial<KinesisConnection> = {}) {
  fake = await startFakeKinesis(() => reply);
  return sendTo(fake.endpoint, overrides);
}

describe('putRecords when the network fails', () => {
  it('names the endpoint when nothing listens there', async () => {
    const endpoint = `http://127.0.0.1:${await unusedPort()}`;
    const { error } = await sendTo(endpoint);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(error.message).toMatch(new RegExp(`^Could not connect to ${endpoint}: connection refused`));
  });

  it('never shows credentials written into the endpoint URL', async () => {
    const port = await unusedPort();
    const { error } = await sendTo(`http://proxyuser:proxy-pass@127.0.0.1:${port}`);
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain('proxy-pass');
  });

  it('names the host that does not resolve', async () => {
    const { error } = await sendTo('http://kinesis.shardline-test.invalid:4567');
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
    expect(error.message).toContain('the host name kinesis.shardline-test.invalid does not resolve');
  });

  it('gives up on a silent endpoint after the request timeout', async () => {
    const { error, elapsedMs } = await sendThrough({ hang: true }, { requestTimeoutMs: 700 });
    expect(error).toMatchObject({ code: 'TimeoutError' });
    expect(error.message).toContain(`No response from Kinesis at ${fake?.endpoint} within 700 ms`);
    expect(error.message).toContain('stream orders');
    expect(elapsedMs).toBeGreaterThanOrEqual(650);
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it('gives up on a response that stops halfway, and drops that connection', async () => {
    const { error, elapsedMs } = await sendThrough({ stallBody: true }, { requestTimeoutMs: 700 });
    expect(error.code).toBe('TimeoutError');
    expect(error.message).toContain('within 700 ms');
    expect(elapsedMs).toBeLessThan(3_000);
    await expect.poll(() => fake?.closedConnectionCount()).toBe(1);
  });

  it('reports a dropped connection as a reset', async () => {
    const { error } = await sendThrough({ reset: true });
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(error.message).toContain('was closed before Kinesis answered (connection reset)');
  });
});
