import { parseStreamArn } from '@shardline/core';
import type { KinesisConnection } from './connection';

/** The names an operator recognises for where records were going. */
export interface StreamTarget {
  streamName: string;
  region: string;
  arn: string;
  accountId: string | null;
  /** The endpoint override, or a description of the AWS endpoint, safe to show. */
  endpoint: string;
  /** True when the connection points at an emulator or proxy rather than AWS itself. */
  customEndpoint: boolean;
}

export function streamTarget(connection: KinesisConnection): StreamTarget {
  const parsed = parseStreamArn(connection.streamArn);
  return {
    // An ARN that does not parse is still the best name we have for the stream.
    streamName: parsed?.streamName ?? connection.streamArn,
    region: connection.region,
    arn: connection.streamArn,
    accountId: parsed?.accountId ?? null,
    endpoint: connection.endpoint ? displayEndpoint(connection.endpoint) : `Kinesis in ${connection.region}`,
    customEndpoint: Boolean(connection.endpoint),
  };
}

// An endpoint may carry user:password@ (some proxies); it must not reach the console.
function displayEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return endpoint;
  }
}
