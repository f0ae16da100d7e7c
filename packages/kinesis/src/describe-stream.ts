import {
  DescribeStreamSummaryCommand,
  type KinesisClient,
  type StreamDescriptionSummary,
} from '@aws-sdk/client-kinesis';
import { type KinesisConnection, requestTimeoutOf } from './connection';
import { withDeadline } from './deadline';
import { KinesisRequestError } from './delivery-error';
import { describeKinesisError } from './describe-kinesis-error';

export interface StreamDescription {
  /** CREATING, DELETING, ACTIVE or UPDATING. */
  status: string;
  openShardCount: number;
  /** The stream's record size limit (data plus partition key), or null when Kinesis did not say. */
  maxRecordSizeBytes: number | null;
  retentionPeriodHours: number | null;
  /** ON_DEMAND streams have no fixed per-shard write limit the sender can plan for. */
  onDemand: boolean;
}

/** Reads the stream's summary. Throws a KinesisRequestError worded like delivery errors. */
export async function describeStream(
  client: KinesisClient,
  connection: KinesisConnection,
): Promise<StreamDescription> {
  try {
    const output = await withDeadline(requestTimeoutOf(connection), (abortSignal) =>
      client.send(new DescribeStreamSummaryCommand({ StreamARN: connection.streamArn }), { abortSignal }),
    );
    return toStreamDescription(output.StreamDescriptionSummary);
  } catch (error) {
    throw new KinesisRequestError(describeKinesisError(error, connection), { cause: error });
  }
}

/** DescribeStreamSummary's answer, as Shardline reads it. */
export function toStreamDescription(summary: StreamDescriptionSummary | undefined): StreamDescription {
  const maxRecordSizeKiB = summary?.MaxRecordSizeInKiB;
  return {
    status: summary?.StreamStatus ?? 'UNKNOWN',
    openShardCount: summary?.OpenShardCount ?? 0,
    // Emulators and older regions leave the field out; the caller then keeps its own limit.
    maxRecordSizeBytes: typeof maxRecordSizeKiB === 'number' ? maxRecordSizeKiB * 1024 : null,
    retentionPeriodHours: summary?.RetentionPeriodHours ?? null,
    onDemand: summary?.StreamModeDetails?.StreamMode === 'ON_DEMAND',
  };
}
