import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Which network addresses Shardline may be told to reach (a sink's endpoint, a source's host,
 * the alerts' webhook). Loopback and private ranges are allowed: local emulators, databases and
 * VPC endpoints live there. Refused unless an operator allows them: link-local addresses (where
 * the clouds' instance metadata and credentials services answer), the metadata services'
 * addresses and names, and addresses that name no single host (unspecified, multicast,
 * broadcast). `allowList` holds CIDRs an operator allows anyway (SHARDLINE_ENDPOINT_ALLOW_LIST).
 */
export interface AddressPolicy {
  allowList: readonly string[];
}

export const DEFAULT_ADDRESS_POLICY: AddressPolicy = { allowList: [] };

const REFUSED_RANGES = new Set(['linkLocal', 'unspecified', 'multicast', 'broadcast']);
/** Metadata services outside the link-local range (AWS over IPv6, Alibaba Cloud). */
const METADATA_ADDRESSES = new Set(['fd00:ec2::254', '100.100.100.200']);
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data']);

/** Reads an allow-list (CIDRs separated by commas); throws naming the entry that is not one. */
export function parseAllowList(text: string | undefined, variable: string): string[] {
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    try {
      ipaddr.parseCIDR(entry);
    } catch {
      throw new Error(`${variable}: "${entry}" is not an address range such as 169.254.10.0/24 or fd00::/8`);
    }
  }
  return entries;
}

/** Why an IP address may not be reached, or null when it may. */
export function refusedAddressReason(address: string, policy: AddressPolicy): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address);
  } catch {
    return null;
  }
  const allowed = policy.allowList.some((entry) => {
    const range = ipaddr.parseCIDR(entry);
    return range[0].kind() === parsed.kind() && parsed.match(range);
  });
  if (allowed) return null;
  const normalized = parsed.toNormalizedString();
  if (METADATA_ADDRESSES.has(normalized) || METADATA_ADDRESSES.has(parsed.toString())) {
    return `${address} is a cloud metadata service`;
  }
  const range = parsed.range();
  if (!REFUSED_RANGES.has(range)) return null;
  const what =
    range === 'linkLocal'
      ? 'a link-local address (where cloud metadata and credentials services answer)'
      : `a ${range} address, not one host`;
  return `${address} is ${what}`;
}

/** Why a host (a name or an address, as written) may not be reached, without resolving it. */
export function refusedHostReason(host: string, policy: AddressPolicy): string | null {
  const bare = host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (METADATA_NAMES.has(bare)) return `${host} is a cloud metadata service`;
  return ipaddr.isValid(bare) ? refusedAddressReason(bare, policy) : null;
}

/**
 * Why a URL may not be an endpoint or webhook, or null: only http and https, to a host the policy
 * allows (as written; see refusedResolvedHostReason for names).
 */
export function refusedUrlReason(url: string, policy: AddressPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `only http and https are allowed, not ${parsed.protocol.replace(/:$/, '')}`;
  }
  return refusedHostReason(parsed.hostname, policy);
}

/**
 * Like refusedHostReason, also for each address a name resolves to (a name of the caller's
 * choosing may point anywhere). A name that does not resolve is not refused here: connecting
 * fails and says so.
 */
export async function refusedResolvedHostReason(
  host: string,
  policy: AddressPolicy,
  resolve: (host: string) => Promise<Array<{ address: string }>> = (name) => lookup(name, { all: true }),
): Promise<string | null> {
  const written = refusedHostReason(host, policy);
  if (written) return written;
  const bare = host.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(bare)) return null;
  let addresses: Array<{ address: string }>;
  try {
    addresses = await resolve(bare);
  } catch {
    return null;
  }
  for (const { address } of addresses) {
    const reason = refusedAddressReason(address, policy);
    if (reason) return `${host} resolves to ${reason.replace(/^\S+ is /, 'an address that is ')}`;
  }
  return null;
}
