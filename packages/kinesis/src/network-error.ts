import type { KinesisConnection } from './connection';
import type { DeliveryError } from './delivery-error';
import { streamTarget } from './stream-target';
import { type AfterFailure, cleanMessage, retryClause } from './wording';

/** The fields Node puts on socket and DNS errors. */
export interface NodeNetworkError extends Error {
  code?: string;
  syscall?: string;
  hostname?: string;
  address?: string;
  port?: number;
}

/** Worded network failures, or null when the error did not come from the network. */
export function describeNetworkError(
  error: NodeNetworkError,
  connection: KinesisConnection,
  after: AfterFailure,
): DeliveryError | null {
  const code = error.code;
  if (!code) return null;
  const target = streamTarget(connection);
  const where = target.customEndpoint ? target.endpoint : withAddress(target.endpoint, error);
  const check = target.customEndpoint
    ? 'check that Kinesis (or the emulator) runs there and the engine can reach it'
    : 'check the network path from the engine to AWS (proxy, firewall, VPC endpoint)';
  switch (code) {
    case 'ECONNREFUSED':
      return {
        code,
        message: `Could not connect to ${where}: connection refused; ${check}`,
      };
    case 'ENOTFOUND':
      return {
        code,
        message: `Could not connect to ${where}: the host name ${error.hostname ?? ''} does not resolve (DNS); check the endpoint and the engine's DNS`,
      };
    case 'EAI_AGAIN':
      return {
        code,
        message: `Could not connect to ${where}: the DNS lookup of ${error.hostname ?? 'the host'} failed for now${retryClause(after)}`,
      };
    case 'ECONNRESET':
    case 'EPIPE':
      return {
        code,
        message: `The connection to ${where} was closed before Kinesis answered (${code === 'EPIPE' ? 'broken pipe' : 'connection reset'})${retryClause(after)}`,
      };
    case 'ETIMEDOUT':
      return {
        code,
        message: `Could not connect to ${where}: the connection attempt timed out; ${check}`,
      };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return {
        code,
        message: `Could not connect to ${where}: no network route to the host; ${check}`,
      };
  }
  // Only errors raised by a system call (or TLS) are network failures; other coded errors are not ours to word.
  if (error.syscall || isTlsCode(code)) {
    return {
      code,
      message: `Could not talk to ${where}: ${cleanMessage(error.message, connection) || code}; ${check}`,
    };
  }
  return null;
}

function withAddress(endpoint: string, error: NodeNetworkError): string {
  return error.address ? `${endpoint} (${error.address}${error.port ? `:${error.port}` : ''})` : endpoint;
}

function isTlsCode(code: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/.test(code);
}
