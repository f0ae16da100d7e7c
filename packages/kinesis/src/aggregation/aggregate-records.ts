import { AggregatedSize } from './aggregated-size';
import { encodeAggregatedRecord } from './encode-aggregated-record';
import type { UserRecord } from './format';

/** One Kinesis record to send and the user records it carries. */
export interface PackedRecord<T extends UserRecord> {
  partitionKey: string;
  data: Buffer;
  /** Data plus partition key: what the stream's record limit is compared with. */
  sizeBytes: number;
  /** True for a KPL aggregated record; false for a user record sent as it is. */
  aggregated: boolean;
  /** The user records inside, in order; exactly one when not aggregated. */
  userRecords: T[];
}

export interface AggregateRecordsOptions {
  /** The stream's record limit (data plus partition key), e.g. DEFAULT_MAX_RECORD_BYTES. */
  maxRecordBytes: number;
}

/**
 * Packs user records, in the order given, into as few Kinesis records as the record limit
 * allows: each run of consecutive user records that fits becomes one KPL aggregated record, so
 * order holds inside and across the records returned. A run of one is sent plain, as
 * aggregating it would only add bytes.
 *
 * The caller passes records bound for one shard (at most one per group, in group order). The
 * outer partition key is the first user record's, so the aggregated record lands on the shard
 * that record would land on plain. (Routing by an ExplicitHashKey, as the KPL does, would pin the
 * record to a hash range we predicted; it lands in the same place while the shard map holds and
 * adds a field to every request, so we route by the key a person can recognise instead.)
 *
 * Size errors stay per message: the caller judges each user record against the limit first. A
 * record that fits plain but not inside an aggregate is sent plain, alone; one that does not fit
 * at all is still returned alone and plain, so its own error can be reported against it.
 */
export function aggregateRecords<T extends UserRecord>(
  records: readonly T[],
  options: AggregateRecordsOptions,
): PackedRecord<T>[] {
  const packed: PackedRecord<T>[] = [];
  let run: T[] = [];
  let size = new AggregatedSize();
  for (const record of records) {
    if (run.length > 0 && size.bytesWith(record) > options.maxRecordBytes) {
      packed.push(pack(run, size));
      run = [];
      size = new AggregatedSize();
    }
    run.push(record);
    size.add(record);
  }
  if (run.length > 0) packed.push(pack(run, size));
  return packed;
}

function pack<T extends UserRecord>(run: T[], size: AggregatedSize): PackedRecord<T> {
  const [first] = run as [T, ...T[]];
  if (run.length === 1) {
    return {
      partitionKey: first.partitionKey,
      data: first.data,
      sizeBytes: first.data.length + Buffer.byteLength(first.partitionKey, 'utf8'),
      aggregated: false,
      userRecords: run,
    };
  }
  return {
    partitionKey: first.partitionKey,
    data: encodeAggregatedRecord(run),
    sizeBytes: size.bytes,
    aggregated: true,
    userRecords: run,
  };
}
