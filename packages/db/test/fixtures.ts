import { SecretBox } from '@shardline/core';
import { createTestDatabase } from '@shardline/testing';
import { createDatabase, createSink, type Database, type IncomingMessage } from '../src';

export const TEST_SECRET_KEY = 'a'.repeat(64);

export async function openTestDatabase(): Promise<{ db: Database; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const db = createDatabase({ url: database.url, maxConnections: 4 });
  return {
    db,
    async close() {
      await db.close();
      await database.drop();
    },
  };
}

export async function createTestSink(db: Database, overrides: Record<string, unknown> = {}) {
  return createSink(db, {
    secretBox: new SecretBox(TEST_SECRET_KEY),
    input: {
      name: `sink-${Math.random().toString(36).slice(2, 8)}`,
      streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/test',
      accessKeyId: 'AKIATESTTESTTEST',
      secretAccessKey: 'secret-value-never-shown',
      ...overrides,
    },
  });
}

export function message(
  commitLsn: number,
  commitIdx: number,
  group: string,
  extra: Partial<IncomingMessage> = {},
): IncomingMessage {
  return {
    commitLsn: BigInt(commitLsn),
    commitIdx,
    group,
    tableSchema: 'public',
    tableName: 'orders',
    action: 'insert',
    payload: { record: { id: group, lsn: commitLsn, idx: commitIdx }, changes: null, action: 'insert' },
    ...extra,
  };
}
