import { createKinesisClient, type KinesisConnection } from './connection';
import { type DeliveryError, KinesisRequestError } from './delivery-error';
import { describeKinesisError } from './describe-kinesis-error';
import { describeStream, type StreamDescription } from './describe-stream';
import { streamTarget } from './stream-target';

/** The stream as the sink form shows it once it answers. */
export interface StreamSummary {
  name: string;
  status: string;
  shardCount: number;
  maxRecordSizeBytes: number | null;
}

/** What failed, in AWS's words, and the one thing to change. */
export interface StreamCallFailure {
  code: string;
  message: string;
  hint: string;
}

/** What a person sees after "Test connection": the stream, or what failed and what to change. */
export type StreamConnectionTest =
  | { ok: true; stream: StreamSummary }
  | { ok: false; error: StreamCallFailure };

// A person is waiting on the form: fail sooner than a delivery would.
const TEST_TIMEOUT_MS = 5_000;

/** Calls DescribeStreamSummary with the given settings, as the engine would before sending. */
export async function testStreamConnection(connection: KinesisConnection): Promise<StreamConnectionTest> {
  const settings = { requestTimeoutMs: TEST_TIMEOUT_MS, ...connection };
  const client = createKinesisClient(settings);
  try {
    return { ok: true, stream: summarizeStream(await describeStream(client, settings), settings) };
  } catch (error) {
    return { ok: false, error: describeStreamCallFailure(error, settings) };
  } finally {
    client.destroy();
  }
}

export function summarizeStream(stream: StreamDescription, connection: KinesisConnection): StreamSummary {
  return {
    name: streamTarget(connection).streamName,
    status: stream.status,
    shardCount: stream.openShardCount,
    maxRecordSizeBytes: stream.maxRecordSizeBytes,
  };
}

/** Anything a stream call threw, with the hint for it (`hint` overrides it where the caller knows better). */
export function describeStreamCallFailure(
  error: unknown,
  connection: KinesisConnection,
  hint: (error: DeliveryError) => string | null = () => null,
): StreamCallFailure {
  // A KinesisRequestError is worded for delivery; worded again from what the SDK threw, it says
  // nothing of records being retried, as this call sent none.
  const thrown = error instanceof KinesisRequestError ? error.cause : error;
  const described = describeKinesisError(thrown, connection, 'nothing-sent');
  return {
    code: described.code,
    message: described.message,
    hint: hint(described) ?? connectionHint(described, connection),
  };
}

const BAD_CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
]);

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
]);

/** The one thing to change so the test passes, named as it appears in the form or in IAM. */
export function connectionHint(error: DeliveryError, connection: KinesisConnection): string {
  const target = streamTarget(connection);
  const endpointRegion = awsRegionOfEndpoint(connection.endpoint);
  if (endpointRegion && endpointRegion !== target.region) {
    return `Wrong region: the endpoint is in ${endpointRegion} but the stream ARN says ${target.region}. Use the endpoint of ${target.region}, or correct the region in the ARN.`;
  }
  if (error.code === 'AccessDeniedException') {
    return `Missing permission: allow the IAM actions kinesis:DescribeStreamSummary and kinesis:PutRecords on ${target.arn} for the IAM user or role of these credentials.`;
  }
  if (error.code === 'ResourceNotFoundException') {
    return `Unknown stream: no stream named ${target.streamName} exists in region ${target.region}${target.accountId ? ` of account ${target.accountId}` : ''}. Check the stream name, region and account in the ARN, or create the stream.`;
  }
  if (BAD_CREDENTIALS.has(error.code) && /region/i.test(error.message)) {
    return `Wrong region: AWS refused the request's region. Check that the region in the stream ARN (${target.region}) is where the stream lives.`;
  }
  if (BAD_CREDENTIALS.has(error.code)) {
    return connection.credentials
      ? 'Bad credentials: AWS does not accept this access key id and secret access key. Check both for typing mistakes, and that the key is active in IAM.'
      : 'Bad credentials: the default AWS credentials the console runs with were refused. Give an access key id and secret access key, or fix the credentials of the console and engine.';
  }
  if (error.code === 'ExpiredTokenException') {
    return 'Bad credentials: they have expired. Use credentials that do not expire (an access key of an IAM user, or a role of the host).';
  }
  if (error.code === 'CredentialsProviderError') {
    return 'No credentials: give an access key id and secret access key, or run the console and engine with AWS credentials (environment, shared config or an IAM role).';
  }
  if (UNREACHABLE.has(error.code)) {
    return connection.endpoint
      ? `Endpoint unreachable: nothing answered at ${target.endpoint}. Check the endpoint URL (scheme, host and port) and that Kinesis or the emulator runs there and is reachable from the console.`
      : `Endpoint unreachable: Kinesis in ${target.region} did not answer. Check the network path to AWS (proxy, firewall, VPC endpoint) and the region in the ARN.`;
  }
  if (error.code.startsWith('HTTP_')) {
    return 'The endpoint answered, but not as Kinesis does. Check that the endpoint URL points at Kinesis (or the emulator), not at a proxy or another service.';
  }
  return 'Check the stream ARN, the endpoint and the credentials; the message above says what Kinesis answered.';
}

/** The region in an AWS endpoint's host name (kinesis.eu-west-1.amazonaws.com), or null. */
function awsRegionOfEndpoint(endpoint: string | null | undefined): string | null {
  if (!endpoint) return null;
  try {
    const host = new URL(endpoint).hostname;
    const match = /(?:^|\.)kinesis(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/.exec(
      host,
    );
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}
