import type { KinesisConnection } from './connection';
import { describeKinesisError } from './describe-kinesis-error';
import { streamTarget } from './stream-target';
import { connectionHint } from './test-stream-connection';
import { awsSaid } from './wording';

/** The calls that read a stream back, each an IAM action of the same name. */
export type StreamReadOperation = 'ListShards' | 'GetShardIterator' | 'GetRecords';

/** The IAM actions reading a stream back needs, in the order the calls are made. */
export const STREAM_READ_ACTIONS = ['kinesis:ListShards', 'kinesis:GetShardIterator', 'kinesis:GetRecords'];

/** What a person sees when the stream cannot be read: what failed, and the one thing to change. */
export interface StreamReadFailure {
  code: string;
  message: string;
  hint: string;
  /** The call that failed. */
  operation: StreamReadOperation;
}

const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied']);
const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'LimitExceededException',
]);

/** Thrown when reading a stream back fails; `failure` is worded for the console. */
export class StreamReadError extends Error {
  override readonly name = 'StreamReadError';
  readonly failure: StreamReadFailure;

  constructor(operation: StreamReadOperation, error: unknown, connection: KinesisConnection) {
    const failure = describeStreamReadFailure(operation, error, connection);
    super(failure.message, { cause: error });
    this.failure = failure;
  }
}

export function describeStreamReadFailure(
  operation: StreamReadOperation,
  error: unknown,
  connection: KinesisConnection,
): StreamReadFailure {
  const target = streamTarget(connection);
  const stream = `stream ${target.streamName} (${target.region})`;
  const name = error instanceof Error ? error.name : '';
  const said = awsSaid(error instanceof Error ? error.message : undefined, connection);
  const who = connection.credentials
    ? "the IAM user or role of the sink's access key"
    : 'the IAM user or role the console runs as';
  if (ACCESS_DENIED.has(name)) {
    return {
      code: name,
      operation,
      message: `Kinesis denied kinesis:${operation} on ${stream}${said}`,
      hint: `Missing permission kinesis:${operation}: reading the stream back needs ${STREAM_READ_ACTIONS.join(', ')} on ${target.arn} for ${who}. Delivery keeps going without them (ListShards only lets it pace each shard on its own).`,
    };
  }
  if (name === 'KMSAccessDeniedException') {
    return {
      code: name,
      operation,
      message: `Kinesis could not decrypt the records of ${stream}: the stream is encrypted with a KMS key${said}`,
      hint: `Missing permission kms:Decrypt: allow it on the stream's KMS key for ${who}.`,
    };
  }
  if (THROTTLED.has(name)) {
    return {
      code: name,
      operation,
      message: `Kinesis throttled ${operation} on ${stream}${said}`,
      hint: "The stream's consumers are using its read capacity (5 reads a second and 2 MiB/s per shard): try again in a moment.",
    };
  }
  const described = describeKinesisError(error, connection, 'nothing-sent');
  return {
    code: described.code,
    operation,
    message: `${operation} failed: ${described.message}`,
    hint: connectionHint(described, connection),
  };
}
