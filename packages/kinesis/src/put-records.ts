import { type KinesisClient, PutRecordsCommand, type PutRecordsResultEntry } from '@aws-sdk/client-kinesis';
import { type KinesisConnection, requestTimeoutOf } from './connection';
import { withDeadline } from './deadline';
import type { DeliveryError } from './delivery-error';
import { describeKinesisError } from './describe-kinesis-error';
import { describeRecordError } from './describe-record-error';
import { MAX_RECORDS_PER_REQUEST } from './limits';

export interface OutgoingRecord {
  data: Buffer;
  partitionKey: string;
}

export type RecordOutcome =
  | { ok: true; shardId: string; sequenceNumber: string }
  | { ok: false; error: DeliveryError };

/**
 * Sends the records in one PutRecords request and returns one outcome per record, in input
 * order. AWS and network failures never throw: they become failed outcomes, for every record
 * when the whole request failed, or for just the records Kinesis refused.
 */
export async function putRecords(
  client: KinesisClient,
  connection: KinesisConnection,
  records: OutgoingRecord[],
): Promise<RecordOutcome[]> {
  // Kinesis rejects an empty request; there is nothing to report either.
  if (records.length === 0) return [];
  if (records.length > MAX_RECORDS_PER_REQUEST) {
    throw new RangeError(
      `putRecords takes at most ${MAX_RECORDS_PER_REQUEST} records, got ${records.length}`,
    );
  }
  const command = new PutRecordsCommand({
    // The ARN, not the name: it pins the account, and IAM policies are written against it.
    StreamARN: connection.streamArn,
    Records: records.map((record) => ({ Data: record.data, PartitionKey: record.partitionKey })),
  });
  try {
    const output = await withDeadline(requestTimeoutOf(connection), (abortSignal) =>
      client.send(command, { abortSignal }),
    );
    return records.map((_, index) => toOutcome(output.Records?.[index], connection));
  } catch (error) {
    const described = describeKinesisError(error, connection);
    return records.map(() => ({ ok: false, error: { ...described } }));
  }
}

function toOutcome(entry: PutRecordsResultEntry | undefined, connection: KinesisConnection): RecordOutcome {
  if (entry?.ErrorCode) {
    return { ok: false, error: describeRecordError(entry.ErrorCode, entry.ErrorMessage, connection) };
  }
  if (entry?.ShardId && entry.SequenceNumber) {
    return { ok: true, shardId: entry.ShardId, sequenceNumber: entry.SequenceNumber };
  }
  // Kinesis always answers every record; anything else is a broken proxy or emulator.
  return {
    ok: false,
    error: {
      code: 'MissingRecordResult',
      message: 'Kinesis returned no result for this record; it will be retried',
    },
  };
}
