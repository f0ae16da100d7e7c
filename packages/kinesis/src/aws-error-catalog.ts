import type { KinesisConnection } from './connection';
import type { DeliveryError } from './delivery-error';
import { type StreamTarget, streamTarget } from './stream-target';
import { type AfterFailure, awsSaid, type ErrorScope, retryClause } from './wording';

interface Context {
  scope: ErrorScope;
  target: StreamTarget;
  /** " (AWS said: …)" or empty. */
  said: string;
  /** "the request" or "this record". */
  subject: string;
  /** "; the records will be retried" (or "; it will be retried") after a delivery failure, else empty. */
  retried: string;
  hasStaticKeys: boolean;
}

type Entry = (context: Context) => Omit<DeliveryError, 'code'>;

const stream = ({ target }: Context) => `stream ${target.streamName} (${target.region})`;
const keySource = ({ hasStaticKeys }: Context) =>
  hasStaticKeys ? "the sink's access key ID and secret access key" : 'the credentials the engine runs with';

const accessDenied: Entry = (c) => ({
  message: `Kinesis denied access to ${stream(c)}: the IAM user or role needs kinesis:PutRecords, kinesis:ListShards and kinesis:DescribeStreamSummary on ${c.target.arn}${c.said}`,
});

const badCredentials: Entry = (c) => ({
  message: `Kinesis did not accept the AWS credentials for ${stream(c)}: check ${keySource(c)}${c.said}`,
});

const internalFailure: Entry = (c) => ({
  message: `Kinesis had an internal failure with ${c.subject} to ${stream(c)}${c.retried}${c.said}`,
});

const invalid: Entry = (c) => ({
  message: `Kinesis rejected ${c.subject} to ${stream(c)} as invalid${c.said}`,
});

const kmsKeyUnusable =
  (problem: string): Entry =>
  (c) => ({
    message: `Kinesis could not encrypt ${c.subject} for ${stream(c)}: ${problem}${c.said}`,
  });

// A Map, so names such as `constructor` cannot resolve to Object.prototype members.
const CATALOG = new Map<string, Entry>(
  Object.entries({
    AccessDeniedException: accessDenied,
    ResourceNotFoundException: (c) => ({
      message:
        `Stream ${c.target.streamName} was not found in region ${c.target.region}: check the stream ARN and region` +
        `${c.target.accountId ? `, and that the stream exists in account ${c.target.accountId}` : ''}${c.said}`,
    }),
    ResourceInUseException: (c) => ({
      message: `${capitalise(stream(c))} is not ready for writes (it is being created, updated or deleted)${c.retried}${c.said}`,
    }),
    ProvisionedThroughputExceededException: (c) => ({
      message:
        c.scope === 'record'
          ? `Kinesis throttled this record: its shard of ${stream(c)} is over its write limit (1 MiB/s or 1,000 records/s per shard)${c.retried}. If this persists, add shards or spread partition keys${c.said}`
          : `Kinesis throttled the request: the stream's shards are over their write limit (1 MiB/s or 1,000 records/s per shard)${c.retried}. If this persists, add shards to ${stream(c)}${c.said}`,
    }),
    ThrottlingException: (c) => ({
      message: `Kinesis throttled ${c.subject} to ${stream(c)}: the account is over its API request rate${c.retried}${c.said}`,
    }),
    LimitExceededException: (c) => ({
      message: `Kinesis refused ${c.subject} to ${stream(c)}: a Kinesis limit for the stream or account was exceeded${c.retried}${c.said}`,
    }),
    InternalFailure: internalFailure,
    InternalFailureException: internalFailure,
    InternalServerError: internalFailure,
    ServiceUnavailable: (c) => ({
      message: `Kinesis in ${c.target.region} is temporarily unavailable${c.retried}${c.said}`,
    }),
    UnrecognizedClientException: badCredentials,
    InvalidClientTokenId: badCredentials,
    InvalidSignatureException: badCredentials,
    SignatureDoesNotMatch: badCredentials,
    IncompleteSignature: badCredentials,
    MissingAuthenticationToken: badCredentials,
    ExpiredTokenException: (c) => ({
      message: `The AWS credentials for ${stream(c)} have expired: renew the session or use credentials that do not expire${c.said}`,
    }),
    KMSAccessDeniedException: kmsKeyUnusable(
      "the IAM user or role may not use the stream's KMS key (it needs kms:GenerateDataKey on that key)",
    ),
    KMSDisabledException: kmsKeyUnusable("the stream's KMS key is disabled"),
    KMSNotFoundException: kmsKeyUnusable("the stream's KMS key was not found"),
    KMSInvalidStateException: kmsKeyUnusable(
      "the stream's KMS key is not usable (for example pending deletion)",
    ),
    KMSOptInRequired: kmsKeyUnusable('the AWS account is not subscribed to AWS KMS'),
    KMSThrottlingException: (c) => ({
      message: `AWS KMS throttled the encryption of ${c.subject} for ${stream(c)}${c.retried}${c.said}`,
    }),
    ValidationException: invalid,
    InvalidArgumentException: invalid,
    SerializationException: invalid,
  }),
);

/** The worded error for a Kinesis error name, or null when the name is not one we know. */
export function describeAwsErrorCode(
  code: string,
  awsMessage: string | undefined,
  connection: KinesisConnection,
  scope: ErrorScope,
  after: AfterFailure,
): DeliveryError | null {
  const entry = CATALOG.get(code);
  if (!entry) return null;
  return { code, ...entry(errorContext(awsMessage, connection, scope, after)) };
}

export function errorContext(
  awsMessage: string | undefined,
  connection: KinesisConnection,
  scope: ErrorScope,
  after: AfterFailure,
): Context {
  return {
    scope,
    target: streamTarget(connection),
    said: awsSaid(awsMessage, connection),
    subject: scope === 'record' ? 'this record' : 'the request',
    retried: retryClause(after, { scope }),
    hasStaticKeys: Boolean(connection.credentials),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
