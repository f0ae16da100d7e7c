import { describeAwsErrorCode, errorContext } from './aws-error-catalog';
import type { KinesisConnection } from './connection';
import type { DeliveryError } from './delivery-error';

/** Words a per-record failure from a PutRecords response the way whole-request failures are worded. */
export function describeRecordError(
  errorCode: string,
  errorMessage: string | undefined,
  connection: KinesisConnection,
): DeliveryError {
  const known = describeAwsErrorCode(errorCode, errorMessage, connection, 'record');
  if (known) return known;
  const { target, said } = errorContext(errorMessage, connection, 'record');
  return {
    code: errorCode,
    retryable: true,
    message: `Kinesis refused this record for stream ${target.streamName} (${target.region}) with ${errorCode}; it will be retried${said}`,
  };
}
