import type { _Record } from '@aws-sdk/client-kinesis';
import { AggregatedRecordError, deaggregate, isAggregatedRecord } from './aggregation';

/**
 * One message as it sits in the stream, its data decoded for a person to read: a plain record, or
 * one user record of a KPL aggregated record.
 */
export interface StreamRecordView {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  /** When Kinesis received it (ApproximateArrivalTimestamp), or null when it did not say. */
  arrivedAt: Date | null;
  /** The size of the message's data in bytes, before any truncation. */
  sizeBytes: number;
  /** UTF-8 text when the bytes are valid UTF-8, else base64. */
  encoding: 'utf8' | 'base64';
  data: string;
  /** True when `data` holds only the start of the message's data. */
  truncated: boolean;
  /**
   * For a user record of an aggregated record: its place in it (from 0), how many it holds, and
   * the aggregated record's data size. Null for a plain record.
   */
  aggregate: { index: number; count: number; sizeBytes: number } | null;
}

/**
 * What a person should see of a shard's records (oldest first, as GetRecords gives them): the
 * newest `limit` messages, newest first, aggregated records shown as the user records inside.
 * Only as many records are deaggregated as the limit needs.
 */
export function viewsOfNewest(
  shardId: string,
  records: readonly _Record[],
  options: { limit: number; maxDataBytes: number },
): StreamRecordView[] {
  const views: StreamRecordView[] = [];
  for (let index = records.length - 1; index >= 0 && views.length < options.limit; index--) {
    views.push(...viewsOf(shardId, records[index] as _Record, options.maxDataBytes).reverse());
  }
  return views.slice(0, options.limit);
}

/** The messages one Kinesis record carries, in the order they were packed. */
function viewsOf(shardId: string, record: _Record, maxDataBytes: number): StreamRecordView[] {
  const bytes = Buffer.from(record.Data ?? new Uint8Array());
  const where = {
    shardId,
    sequenceNumber: record.SequenceNumber ?? '',
    arrivedAt: record.ApproximateArrivalTimestamp ?? null,
  };
  const plain = {
    ...where,
    partitionKey: record.PartitionKey ?? '',
    ...readable(bytes, maxDataBytes),
    aggregate: null,
  };
  if (!isAggregatedRecord(bytes)) return [plain];
  try {
    const userRecords = deaggregate(bytes);
    return userRecords.map((userRecord, index) => ({
      ...where,
      partitionKey: userRecord.partitionKey,
      ...readable(userRecord.data, maxDataBytes),
      aggregate: { index, count: userRecords.length, sizeBytes: bytes.length },
    }));
  } catch (error) {
    // Framed and checksummed like an aggregate, yet not one: shown as the bytes it is.
    if (error instanceof AggregatedRecordError) return [plain];
    throw error;
  }
}

function readable(
  bytes: Buffer,
  maxBytes: number,
): Pick<StreamRecordView, 'sizeBytes' | 'encoding' | 'data' | 'truncated'> {
  const text = utf8OrNull(bytes);
  return {
    sizeBytes: bytes.length,
    encoding: text === null ? 'base64' : 'utf8',
    data:
      text === null
        ? bytes.subarray(0, maxBytes).toString('base64')
        : // Cut on a character boundary: the decoder drops a sequence split at the end.
          new TextDecoder('utf-8').decode(bytes.subarray(0, maxBytes)).replace(/\uFFFD$/, ''),
    truncated: bytes.length > maxBytes,
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8OrNull(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
