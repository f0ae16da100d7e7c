import type { StreamRecord } from '@shardline/testing';

export interface StreamMessage {
  record: Record<string, unknown>;
  changes: Record<string, unknown> | null;
  action: string;
  metadata: Record<string, unknown> & {
    table_name: string;
    commit_lsn: unknown;
    commit_idx: number;
    record_pks: unknown;
    consumer: Record<string, unknown>;
  };
}

export interface RunFacts {
  databaseName: string;
  sinkId: string;
}

const COMMIT_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/**
 * The stream's records as messages in commit order, one per change (delivery is at least once,
 * so the emulator may hold a record twice), each checked against its partition key.
 */
export function messagesInCommitOrder(records: StreamRecord[]): StreamMessage[] {
  const byKey = new Map<string, StreamMessage>();
  for (const record of records) {
    const message = JSON.parse(record.data) as StreamMessage;
    const pks = message.metadata.record_pks;
    const expectedKey = Array.isArray(pks) ? pks.join(':') : String(pks);
    if (record.partitionKey !== expectedKey) {
      throw new Error(
        `record with partition key ${record.partitionKey} has record_pks ${JSON.stringify(pks)}`,
      );
    }
    byKey.set(String(message.metadata.idempotency_key), message);
  }
  const position = (m: StreamMessage) => BigInt(String(m.metadata.commit_lsn));
  return [...byKey.values()].sort((a, b) => {
    const lsn = position(a) - position(b);
    return lsn === 0n ? a.metadata.commit_idx - b.metadata.commit_idx : lsn < 0n ? -1 : 1;
  });
}

/**
 * Replaces what legitimately differs from run to run with fixed placeholders, after checking
 * each is what it should be: a value that fails its check is left as it is, so the comparison
 * with the golden file shows it. Commit LSNs become their rank among the run's commits, so the
 * files still show which changes share a transaction.
 */
export function withPlaceholders(messages: StreamMessage[], facts: RunFacts): StreamMessage[] {
  const commitRank = new Map<unknown, number>();
  for (const message of messages) {
    if (!commitRank.has(message.metadata.commit_lsn))
      commitRank.set(message.metadata.commit_lsn, commitRank.size + 1);
  }
  return messages.map((message) => {
    const { metadata } = message;
    const lsn = metadata.commit_lsn;
    const validLsn = typeof lsn === 'number' && Number.isSafeInteger(lsn) && lsn > 0;
    const expectedKey = Buffer.from(`${lsn}:${metadata.commit_idx}`).toString('base64');
    const timestamp = metadata.commit_timestamp;
    const recentTimestamp =
      typeof timestamp === 'string' &&
      COMMIT_TIMESTAMP.test(timestamp) &&
      Math.abs(Date.parse(timestamp) - Date.now()) < 600_000;
    return {
      ...message,
      metadata: {
        ...metadata,
        commit_timestamp: recentTimestamp ? '<commit timestamp>' : timestamp,
        commit_lsn: validLsn ? `<commit ${commitRank.get(lsn)}>` : lsn,
        idempotency_key:
          validLsn && metadata.idempotency_key === expectedKey
            ? '<base64 of commit_lsn:commit_idx>'
            : metadata.idempotency_key,
        database_name:
          metadata.database_name === facts.databaseName ? '<source database>' : metadata.database_name,
        consumer: {
          ...metadata.consumer,
          id: metadata.consumer.id === facts.sinkId ? '<sink id>' : metadata.consumer.id,
        },
      },
    };
  });
}
