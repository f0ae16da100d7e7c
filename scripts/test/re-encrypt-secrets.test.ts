import { randomBytes } from 'node:crypto';
import { SecretBox } from '@shardline/core';
import {
  createDatabase,
  createSink,
  createSource,
  type Database,
  getAlertWebhookUrl,
  getSinkDeliveryConfig,
  getSourceConnection,
  reEncryptSecrets,
  updateAlertSettings,
} from '@shardline/db';
import { createTestDatabase, type TestDatabase } from '@shardline/testing';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const OLD_KEY = '1a'.repeat(32);
const NEW_KEY = '2b'.repeat(32);
const UNKNOWN_KEY = '3c'.repeat(32);

let database: TestDatabase;
let db: Database;
let client: pg.Client;
beforeEach(async () => {
  database = await createTestDatabase();
  db = createDatabase({ url: database.url, maxConnections: 2 });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterEach(async () => {
  await client.end();
  await db.close();
  await database.drop();
});

function storeSink(key: string, secretAccessKey: string) {
  return createSink(db, {
    secretBox: new SecretBox(key),
    input: {
      name: `sink-${randomBytes(3).toString('hex')}`,
      streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/orders',
      accessKeyId: 'AKIAROTATIONTEST',
      secretAccessKey,
    },
  });
}

function storeSource(key: string, password: string) {
  return createSource(db, {
    secretBox: new SecretBox(key),
    input: {
      name: `source_${randomBytes(3).toString('hex')}`,
      url: `postgres://app:${password}@db.example:5432/shop`,
    },
  });
}

async function storedCiphertexts(): Promise<string[]> {
  const { rows } = await client.query<{ ciphertext: string }>(
    `SELECT secret_access_key_ciphertext AS ciphertext FROM sink WHERE secret_access_key_ciphertext IS NOT NULL
     UNION ALL SELECT password_ciphertext FROM source WHERE password_ciphertext IS NOT NULL ORDER BY 1`,
  );
  return rows.map((row) => row.ciphertext);
}

describe('reEncryptSecrets (npm run secrets:rotate)', () => {
  it('re-encrypts every stored secret with the current key, so the previous key is no longer needed', async () => {
    const sink = await storeSink(OLD_KEY, 'sink-secret-access-key');
    const source = await storeSource(OLD_KEY, 'source-password');
    // Already under the new key (saved from a console restarted with it): re-encrypted all the same.
    const newerSink = await storeSink(NEW_KEY, 'newer-sink-secret');
    // A sink using AWS's default credentials has no secret to re-encrypt.
    await createSink(db, {
      secretBox: new SecretBox(OLD_KEY),
      input: {
        name: 'default-credentials',
        streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/orders',
      },
    });

    const webhookUrl = 'https://hooks.example.com/services/T0/B0/webhook-secret';
    await updateAlertSettings(db, { secretBox: new SecretBox(OLD_KEY), input: { webhookUrl } });

    expect(await reEncryptSecrets(db, new SecretBox(NEW_KEY, OLD_KEY))).toEqual({
      sinks: 2,
      sources: 1,
      webhooks: 1,
    });

    const newKeyAlone = new SecretBox(NEW_KEY);
    const sinkConfig = await getSinkDeliveryConfig(db, { secretBox: newKeyAlone, sinkId: sink.id });
    expect(sinkConfig.credentials?.secretAccessKey).toBe('sink-secret-access-key');
    const newerConfig = await getSinkDeliveryConfig(db, { secretBox: newKeyAlone, sinkId: newerSink.id });
    expect(newerConfig.credentials?.secretAccessKey).toBe('newer-sink-secret');
    const connection = await getSourceConnection(db, { secretBox: newKeyAlone, sourceId: source.id });
    expect(connection.clientConfig.password).toBe('source-password');
    expect(await getAlertWebhookUrl(db, { secretBox: newKeyAlone })).toBe(webhookUrl);
    // And the old key alone reads none of them any more.
    await expect(
      getSinkDeliveryConfig(db, { secretBox: new SecretBox(OLD_KEY), sinkId: sink.id }),
    ).rejects.toThrow('cannot be decrypted');
  });

  it('writes nothing, and names the secret, when one cannot be decrypted with either key', async () => {
    await storeSink(OLD_KEY, 'sink-secret-access-key');
    await storeSource(OLD_KEY, 'source-password');
    const lost = await storeSink(UNKNOWN_KEY, 'stored-with-a-lost-key');
    const before = await storedCiphertexts();

    const rotation = reEncryptSecrets(db, new SecretBox(NEW_KEY, OLD_KEY));
    await expect(rotation).rejects.toThrow(/^nothing was re-encrypted: 1 stored secret/);
    await expect(rotation).rejects.toThrow(`sink "${lost.name}" (${lost.id})`);

    expect(await storedCiphertexts()).toEqual(before);
    // The connection is usable afterwards: the transaction was rolled back, not left open.
    expect((await db.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
