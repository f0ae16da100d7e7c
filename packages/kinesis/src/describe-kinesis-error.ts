import { STATUS_CODES } from 'node:http';
import { describeAwsErrorCode, errorContext } from './aws-error-catalog';
import { type KinesisConnection, requestTimeoutOf } from './connection';
import type { DeliveryError } from './delivery-error';
import { describeNetworkError, type NodeNetworkError } from './network-error';
import { streamTarget } from './stream-target';
import { type AfterFailure, cleanMessage, formatDuration, retryClause } from './wording';

interface SdkError extends NodeNetworkError {
  $metadata?: { httpStatusCode?: number };
  $fault?: 'client' | 'server';
}

// Names the SDK gives errors whose response carried no Kinesis error name.
const UNNAMED = new Set(['Unknown', 'UnknownError', 'Error', 'SyntaxError', 'KinesisServiceException']);

/**
 * Turns anything a Kinesis call threw into an error an operator can act on: what happened,
 * what to check, and the stream, region or endpoint concerned, with AWS's own words kept.
 * `after` says whether the call sent records that delivery sends again (the default).
 */
export function describeKinesisError(
  error: unknown,
  connection: KinesisConnection,
  after: AfterFailure = 'records-retried',
): DeliveryError {
  if (!(error instanceof Error)) {
    return { code: 'Error', message: fallbackMessage(String(error), connection, after) };
  }
  const sdkError = error as SdkError;
  const timeout = describeTimeout(sdkError, connection, after);
  if (timeout) return timeout;
  const network = describeNetworkError(sdkError, connection, after);
  if (network) return network;
  if (error.name === 'CredentialsProviderError') return missingCredentials(error, connection);
  const named = describeAwsErrorCode(error.name, error.message, connection, 'request', after);
  if (named) return named;
  const status = sdkError.$metadata?.httpStatusCode;
  if (status !== undefined && (status < 200 || status >= 300) && UNNAMED.has(error.name)) {
    return describeHttpStatus(status, error, connection, after);
  }
  if (sdkError.$fault) {
    const { target, said, retried } = errorContext(error.message, connection, 'request', after);
    return {
      code: error.name,
      message: `Kinesis answered ${error.name} for stream ${target.streamName} (${target.region})${retried}${said}`,
    };
  }
  if (error.name === 'SyntaxError') {
    const target = streamTarget(connection);
    const at = target.customEndpoint ? target.endpoint : `Kinesis in ${target.region}`;
    return {
      code: error.name,
      message: `${at} answered with a body that is not a Kinesis response (not JSON); check that the endpoint is a Kinesis endpoint${retryClause(after)}`,
    };
  }
  return {
    code: error.name || 'Error',
    message: fallbackMessage(error.message, connection, after),
  };
}

function describeTimeout(
  error: SdkError,
  connection: KinesisConnection,
  after: AfterFailure,
): DeliveryError | null {
  // A socket-level reset is also named TimeoutError by the HTTP handler, but it is no timeout.
  if (
    error.name !== 'TimeoutError' ||
    error.syscall ||
    error.code === 'ECONNRESET' ||
    error.code === 'EPIPE'
  ) {
    return null;
  }
  const target = streamTarget(connection);
  const limit = formatDuration(requestTimeoutOf(connection));
  const at = target.customEndpoint ? ` at ${target.endpoint}` : ` in ${target.region}`;
  if (/establish a connection/.test(error.message)) {
    return {
      code: 'TimeoutError',
      message: `Could not connect to Kinesis${at} within ${limit}: check that the endpoint is reachable from the engine${retryClause(after)}`,
    };
  }
  const mayBeWritten = retryClause(after, {
    note: 'the request may still have been written, delivery is at least once',
  });
  return {
    code: 'TimeoutError',
    message: `No response from Kinesis${at} within ${limit} for stream ${target.streamName}${mayBeWritten}`,
  };
}

function describeHttpStatus(
  status: number,
  error: Error,
  connection: KinesisConnection,
  after: AfterFailure,
): DeliveryError {
  const target = streamTarget(connection);
  const at = target.customEndpoint ? `${target.endpoint}` : `Kinesis in ${target.region}`;
  const reason = STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : '';
  // Throttling and server-side failures pass; other statuses mean the endpoint is not Kinesis
  // or something in between refuses the request, which needs a person.
  const passing = status >= 500 || status === 429 || status === 408;
  const advice = passing
    ? retryClause(after)
    : '; check that the endpoint is a Kinesis endpoint (a proxy or load balancer may be answering instead)';
  return {
    code: `HTTP_${status}`,
    message: `${at} answered HTTP ${status}${reason} without a Kinesis error${advice}${describeBody(error)}`,
  };
}

/**
 * What an endpoint that is not Kinesis sent is never quoted: an endpoint set by a person could be
 * any server of the network (an internal page, a metadata service), and its body must not come
 * back through the console or the messages' errors. Only whether it was JSON is said.
 */
function describeBody(error: Error): string {
  return error.name === 'SyntaxError' ? ' (the body is not a Kinesis response: not JSON)' : '';
}

function missingCredentials(error: Error, connection: KinesisConnection): DeliveryError {
  const target = streamTarget(connection);
  const detail = cleanMessage(error.message, connection);
  return {
    code: error.name,
    message: `No AWS credentials were found for stream ${target.streamName} (${target.region}): the sink has no access key and the default credential chain (environment, shared config, instance or container role) found none; set the sink's credentials or give the engine an IAM role${detail ? ` (SDK said: ${detail})` : ''}`,
  };
}

function fallbackMessage(detail: string, connection: KinesisConnection, after: AfterFailure): string {
  const target = streamTarget(connection);
  const text = cleanMessage(detail, connection);
  return `The request to Kinesis for stream ${target.streamName} (${target.region}) failed${text ? `: ${text}` : ''}${retryClause(after)}`;
}
