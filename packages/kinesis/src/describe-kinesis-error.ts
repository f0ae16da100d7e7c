import { STATUS_CODES } from 'node:http';
import { describeAwsErrorCode, errorContext } from './aws-error-catalog';
import { type KinesisConnection, requestTimeoutOf } from './connection';
import type { DeliveryError } from './delivery-error';
import { describeNetworkError, type NodeNetworkError } from './network-error';
import { streamTarget } from './stream-target';
import { cleanMessage, formatDuration } from './wording';

interface SdkError extends NodeNetworkError {
  $metadata?: { httpStatusCode?: number };
  $fault?: 'client' | 'server';
}

// Names the SDK gives errors whose response carried no Kinesis error name.
const UNNAMED = new Set(['Unknown', 'UnknownError', 'Error', 'SyntaxError', 'KinesisServiceException']);

/**
 * Turns anything a Kinesis call threw into an error an operator can act on: what happened,
 * what to check, and the stream, region or endpoint concerned, with AWS's own words kept.
 */
export function describeKinesisError(error: unknown, connection: KinesisConnection): DeliveryError {
  if (!(error instanceof Error)) {
    return { code: 'Error', retryable: true, message: fallbackMessage(String(error), connection) };
  }
  const sdkError = error as SdkError;
  const timeout = describeTimeout(sdkError, connection);
  if (timeout) return timeout;
  const network = describeNetworkError(sdkError, connection);
  if (network) return network;
  if (error.name === 'CredentialsProviderError') return missingCredentials(error, connection);
  const named = describeAwsErrorCode(error.name, error.message, connection, 'request');
  if (named) return named;
  const status = sdkError.$metadata?.httpStatusCode;
  if (status !== undefined && (status < 200 || status >= 300) && UNNAMED.has(error.name)) {
    return describeHttpStatus(status, error, connection);
  }
  if (sdkError.$fault) {
    const { target, said, retried } = errorContext(error.message, connection, 'request');
    return {
      code: error.name,
      retryable: true,
      message: `Kinesis answered ${error.name} for stream ${target.streamName} (${target.region}); ${retried}${said}`,
    };
  }
  if (error.name === 'SyntaxError') {
    const target = streamTarget(connection);
    const at = target.customEndpoint ? target.endpoint : `Kinesis in ${target.region}`;
    return {
      code: error.name,
      retryable: true,
      message: `${at} answered with a body that is not a Kinesis response (not JSON); check that the endpoint is a Kinesis endpoint; the records will be retried`,
    };
  }
  return {
    code: error.name || 'Error',
    retryable: true,
    message: fallbackMessage(error.message, connection),
  };
}

function describeTimeout(error: SdkError, connection: KinesisConnection): DeliveryError | null {
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
      retryable: true,
      message: `Could not connect to Kinesis${at} within ${limit}: check that the endpoint is reachable from the engine; the records will be retried`,
    };
  }
  return {
    code: 'TimeoutError',
    retryable: true,
    message: `No response from Kinesis${at} within ${limit} for stream ${target.streamName}; the records will be retried (the request may still have been written, delivery is at least once)`,
  };
}

function describeHttpStatus(status: number, error: Error, connection: KinesisConnection): DeliveryError {
  const target = streamTarget(connection);
  const at = target.customEndpoint ? `${target.endpoint}` : `Kinesis in ${target.region}`;
  const reason = STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : '';
  // Throttling and server-side failures pass; other statuses mean the endpoint is not Kinesis
  // or something in between refuses the request, which needs a person.
  const retryable = status >= 500 || status === 429 || status === 408;
  const advice = retryable
    ? 'the records will be retried'
    : 'check that the endpoint is a Kinesis endpoint (a proxy or load balancer may be answering instead)';
  return {
    code: `HTTP_${status}`,
    retryable,
    message: `${at} answered HTTP ${status}${reason} without a Kinesis error; ${advice}${describeBody(error)}`,
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
    retryable: false,
    message: `No AWS credentials were found for stream ${target.streamName} (${target.region}): the sink has no access key and the default credential chain (environment, shared config, instance or container role) found none; set the sink's credentials or give the engine an IAM role${detail ? ` (SDK said: ${detail})` : ''}`,
  };
}

function fallbackMessage(detail: string, connection: KinesisConnection): string {
  const target = streamTarget(connection);
  const text = cleanMessage(detail, connection);
  return `The request to Kinesis for stream ${target.streamName} (${target.region}) failed${text ? `: ${text}` : ''}; the records will be retried`;
}
