import { createHash } from 'node:crypto';
import { type AggregatedRecordMessage, AggregatedRecordType } from './aggregated-record-schema';
import { KPL_MAGIC, type UserRecord } from './format';

/**
 * The data of one Kinesis record that carries `records` in the KPL aggregated format: magic
 * bytes, the AggregatedRecord protobuf, and the MD5 of the protobuf. Each partition key is
 * stored once in the key table; the records keep their order.
 */
export function encodeAggregatedRecord(records: readonly UserRecord[]): Buffer {
  if (records.length === 0) throw new RangeError('an aggregated record needs at least one user record');
  const keyIndexes = new Map<string, number>();
  const message: AggregatedRecordMessage = {
    partition_key_table: [],
    explicit_hash_key_table: [],
    records: [],
  };
  for (const record of records) {
    let keyIndex = keyIndexes.get(record.partitionKey);
    if (keyIndex === undefined) {
      keyIndex = message.partition_key_table.length;
      keyIndexes.set(record.partitionKey, keyIndex);
      message.partition_key_table.push(record.partitionKey);
    }
    message.records.push({ partition_key_index: keyIndex, data: record.data });
  }
  const protobufBytes = AggregatedRecordType.encode(message).finish();
  const digest = createHash('md5').update(protobufBytes).digest();
  return Buffer.concat([KPL_MAGIC, protobufBytes, digest]);
}
