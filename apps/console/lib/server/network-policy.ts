import { type AddressPolicy, refusedResolvedHostReason, refusedUrlReason } from '@shardline/core';
import { ApiError } from './api/api-error';
import { consoleEnv } from './env';

/**
 * Which addresses the console may be told to reach (core's target-address.ts): the default, and
 * the CIDRs an operator allows beyond it with SHARDLINE_ENDPOINT_ALLOW_LIST.
 */
export function addressPolicy(): AddressPolicy {
  return consoleEnv().addressPolicy;
}

function refused(field: string, reason: string): ApiError {
  return new ApiError(
    400,
    'invalid_input',
    `${field}: ${reason}; Shardline does not connect there unless SHARDLINE_ENDPOINT_ALLOW_LIST allows it`,
    field,
  );
}

/** Refuses a sink endpoint that is not http(s) or names (or resolves to) a refused address. */
export async function assertAllowedEndpoint(
  endpoint: string | null | undefined,
  field = 'endpoint',
): Promise<void> {
  if (!endpoint) return;
  const policy = addressPolicy();
  const reason =
    refusedUrlReason(endpoint, policy) ??
    (await refusedResolvedHostReason(new URL(endpoint).hostname, policy));
  if (reason) throw refused(field, reason);
}

/** Refuses a source host that names (or resolves to) a refused address. */
export async function assertAllowedHost(host: string | null | undefined, field = 'host'): Promise<void> {
  if (!host) return;
  const reason = await refusedResolvedHostReason(host, addressPolicy());
  if (reason) throw refused(field, reason);
}
