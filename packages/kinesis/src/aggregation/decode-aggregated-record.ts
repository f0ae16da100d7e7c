import { createHash } from 'node:crypto';
import { type AggregatedRecordMessage, AggregatedRecordType } from './aggregated-record-schema';
import { KPL_DIGEST_BYTES, KPL_FRAME_BYTES, KPL_MAGIC, type UserRecord } from './format';

/** A user record read out of an aggregated record. */
export interface DeaggregatedRecord extends UserRecord {
  /** Set when the producer routed this user record by an explicit hash key (Shardline never does). */
  explicitHashKey?: string;
}

/** Thrown when bytes that claim to be an aggregated record cannot be read as one. */
export class AggregatedRecordError extends Error {
  override name = 'AggregatedRecordError';
}

/**
 * True when `data` is a KPL aggregated record: the magic bytes, then a protobuf whose MD5 ends the
 * data. Like the KCL, a record that starts with the magic bytes but whose digest does not match is
 * taken as a plain record that happens to start that way.
 */
export function isAggregatedRecord(data: Uint8Array): boolean {
  if (data.length < KPL_FRAME_BYTES) return false;
  if (!KPL_MAGIC.equals(data.subarray(0, KPL_MAGIC.length))) return false;
  const digest = createHash('md5').update(protobufBytesOf(data)).digest();
  return digest.equals(data.subarray(data.length - KPL_DIGEST_BYTES));
}

/**
 * The user records inside an aggregated record, in the order they were packed. Throws an
 * AggregatedRecordError naming the problem when `data` is not a well-formed aggregated record.
 */
export function deaggregate(data: Uint8Array): DeaggregatedRecord[] {
  if (!isAggregatedRecord(data)) {
    throw new AggregatedRecordError(
      'not a KPL aggregated record: it must start with the bytes F3 89 9A C2 and end with the MD5 of the protobuf between',
    );
  }
  let message: AggregatedRecordMessage;
  try {
    message = AggregatedRecordType.toObject(AggregatedRecordType.decode(protobufBytesOf(data)), {
      longs: Number,
      arrays: true,
    }) as AggregatedRecordMessage;
  } catch (error) {
    throw new AggregatedRecordError(
      `the aggregated record's protobuf does not decode: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return message.records.map((record, index) => {
    const partitionKey = message.partition_key_table[record.partition_key_index];
    if (partitionKey === undefined) {
      throw new AggregatedRecordError(
        `user record ${index} points at partition key ${record.partition_key_index}, but the table has ${message.partition_key_table.length}`,
      );
    }
    const userRecord: DeaggregatedRecord = { partitionKey, data: Buffer.from(record.data) };
    if (record.explicit_hash_key_index !== undefined) {
      const explicitHashKey = message.explicit_hash_key_table[record.explicit_hash_key_index];
      if (explicitHashKey === undefined) {
        throw new AggregatedRecordError(
          `user record ${index} points at explicit hash key ${record.explicit_hash_key_index}, but the table has ${message.explicit_hash_key_table.length}`,
        );
      }
      userRecord.explicitHashKey = explicitHashKey;
    }
    return userRecord;
  });
}

function protobufBytesOf(data: Uint8Array): Uint8Array {
  return data.subarray(KPL_MAGIC.length, data.length - KPL_DIGEST_BYTES);
}
