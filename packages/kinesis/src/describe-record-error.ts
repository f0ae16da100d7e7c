import { describeAwsErrorCode, errorContext } from './aws-error-catalog';
import type { KinesisConnection } from './connection';
import type { DeliveryError } from './delivery-error';

/** Words a per-record failure from a PutRecords response the way whole-request failures are worded. */
export function describeRecordError(
  errorCode: string,
  errorMessage: string | undefined,
  connection: KinesisConnection,
): DeliveryError {
  const known = describeAwsErrorCode(errorCode, errorMessage, connection, 'record', 'records-retried');
  if (known) return known;
  const { target, said, retried } = errorContext(errorMessage, connection, 'record', 'records-retried');
  return {
    code: errorCode,
    message: `Kinesis refused this record for stream ${target.streamName} (${target.region}) with ${errorCode}${retried}${said}`,
  };
}
