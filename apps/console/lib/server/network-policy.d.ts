import { type AddressPolicy } from '@shardline/core';
/**
 * Which addresses the console may be told to reach (core's target-address.ts): the default, and
 * the CIDRs an operator allows beyond it with SHARDLINE_ENDPOINT_ALLOW_LIST.
 */
export declare function addressPolicy(): AddressPolicy;
/** Refuses a sink endpoint that is not http(s) or names (or resolves to) a refused address. */
export declare function assertAllowedEndpoint(
  endpoint: string | null | undefined,
  field?: string,
): Promise<void>;
/** Refuses a source host that names (or resolves to) a refused address. */
export declare function assertAllowedHost(host: string | null | undefined, field?: string): Promise<void>;
