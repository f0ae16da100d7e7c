import { KinesisClient } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './limits';

export interface KinesisConnection {
  streamArn: string;
  /** The stream's region, as written in its ARN. */
  region: string;
  /** Replaces the AWS endpoint, for emulators and LocalStack. */
  endpoint?: string | null;
  /** Static keys; null or absent uses the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string } | null;
  /** Upper bound on one request, connecting included. */
  requestTimeoutMs?: number;
}

// Enough parallel requests for every lane of a busy sink, without letting one sink hog the host.
const MAX_SOCKETS = 50;

export function requestTimeoutOf(connection: KinesisConnection): number {
  return connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
}

/**
 * A client for one sink. HTTP/1.1 because the SDK's HTTP/2 default cannot talk to the local
 * emulators; one attempt per call because the delivery engine owns retries and counts them.
 */
export function createKinesisClient(connection: KinesisConnection): KinesisClient {
  const timeoutMs = requestTimeoutOf(connection);
  const agentOptions = { keepAlive: true, maxSockets: MAX_SOCKETS };
  return new KinesisClient({
    region: connection.region,
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    ...(connection.credentials ? { credentials: connection.credentials } : {}),
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      // Without this the handler only logs a warning when the timeout passes and keeps waiting.
      throwOnRequestTimeout: true,
      httpAgent: agentOptions,
      httpsAgent: agentOptions,
    }),
  });
}
