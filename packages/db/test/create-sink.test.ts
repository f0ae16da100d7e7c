import { SecretBox } from '@shardline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSink, type Database, getSinkDeliveryConfig, listSinks } from '../src';
import { createTestSink, openTestDatabase, TEST_SECRET_KEY } from './fixtures';

let db: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDatabase());
});
afterAll(() => close());

describe('createSink', () => {
  it('rejects an invalid stream ARN with a message naming the expected format', async () => {
    await expect(createTestSink(db, { streamArn: 'orders-stream' })).rejects.toThrow(
      'streamArn: "orders-stream" is not a Kinesis stream ARN: expected arn:aws:kinesis:<region>:<account-id>:stream/<stream-name>',
    );
    expect(await listSinks(db)).toHaveLength(0);
  });

  it('takes the region from the ARN and never shows the secret', async () => {
    const sink = await createTestSink(db, {
      streamArn: 'arn:aws:kinesis:eu-central-1:123456789012:stream/orders',
    });
    expect(sink.region).toBe('eu-central-1');
    expect(sink.hasSecretAccessKey).toBe(true);
    const asJson = JSON.stringify(sink, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
    expect(asJson).not.toContain('secret-value-never-shown');
    const raw = await db.pool.query<{ secret_access_key_ciphertext: string }>(
      'SELECT secret_access_key_ciphertext FROM sink WHERE id = $1',
      [sink.id],
    );
    expect(raw.rows[0]?.secret_access_key_ciphertext).not.toContain('secret-value-never-shown');
    const config = await getSinkDeliveryConfig(db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      sinkId: sink.id,
    });
    expect(config.credentials?.secretAccessKey).toBe('secret-value-never-shown');
  });

  it('asks for both halves of the credentials or neither', async () => {
    await expect(createTestSink(db, { secretAccessKey: null })).rejects.toThrow(
      /give both the access key id and the secret/,
    );
    const defaultChain = await createTestSink(db, { accessKeyId: null, secretAccessKey: null });
    expect(defaultChain.hasSecretAccessKey).toBe(false);
  });

  it('refuses a second sink with the same name', async () => {
    await createTestSink(db, { name: 'orders-to-kinesis' });
    await expect(createTestSink(db, { name: 'orders-to-kinesis' })).rejects.toThrow(/already exists/);
  });

  it('creates one delivery lane per configured lane', async () => {
    const sink = await createSink(db, {
      secretBox: new SecretBox(TEST_SECRET_KEY),
      input: {
        name: 'eight-lanes',
        streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s',
        laneCount: 8,
      },
    });
    const lanes = await db.pool.query('SELECT lane FROM delivery_lane WHERE sink_id = $1 ORDER BY lane', [
      sink.id,
    ]);
    expect(lanes.rows.map((row) => row.lane)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
