import { createRequire } from 'node:module';

/** A user record as awslabs' reference implementation of the KPL format gives it back. */
export interface ReferenceUserRecord {
  partitionKey: string;
  explicitHashKey?: string;
  data: Buffer;
}

// The reference module's own typings name aws-sdk v2 and aws-lambda types this repository does
// not install, so the part used here is typed by hand.
interface ReferenceModule {
  deaggregateSync(
    record: { data: Buffer; partitionKey: string; sequenceNumber: string },
    computeChecksums: boolean,
    done: (
      error: Error | null,
      userRecords?: Array<{ partitionKey: string; explicitPartitionKey?: string; data: string }>,
    ) => void,
  ): void;
  RecordAggregator: new () => {
    addUserRecord(record: { partitionKey: string; data: Buffer }): void;
    build(): { partitionKey: string; data: Buffer } | undefined;
  };
}

const reference = createRequire(import.meta.url)('aws-kinesis-agg') as ReferenceModule;

/**
 * Reads one Kinesis record's data with awslabs' aws-kinesis-agg, checksum verified: what a
 * Lambda consumer using that module would see. A plain record comes back as itself.
 */
export function deaggregateWithReference(data: Buffer, partitionKey = 'outer'): ReferenceUserRecord[] {
  let result: ReferenceUserRecord[] | undefined;
  let failure: Error | null = null;
  reference.deaggregateSync({ data, partitionKey, sequenceNumber: '0' }, true, (error, userRecords) => {
    failure = error;
    result = (userRecords ?? []).map((userRecord) => ({
      partitionKey: userRecord.partitionKey,
      ...(userRecord.explicitPartitionKey === undefined
        ? {}
        : { explicitHashKey: userRecord.explicitPartitionKey }),
      data: Buffer.from(userRecord.data, 'base64'),
    }));
  });
  if (failure) throw failure;
  if (!result) throw new Error('aws-kinesis-agg returned no user records');
  return result;
}

/** Packs user records into one aggregated record with aws-kinesis-agg's own encoder. */
export function aggregateWithReference(records: Array<{ partitionKey: string; data: Buffer }>): {
  partitionKey: string;
  data: Buffer;
} {
  const aggregator = new reference.RecordAggregator();
  for (const record of records) aggregator.addUserRecord(record);
  const built = aggregator.build();
  if (!built) throw new Error('aws-kinesis-agg built nothing from no records');
  return built;
}
