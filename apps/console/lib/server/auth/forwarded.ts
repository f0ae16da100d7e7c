import { consoleEnv } from '../env';

/**
 * Whether the console may believe the X-Forwarded-* headers: only when an operator says a proxy
 * in front of it sets them (`SHARDLINE_TRUST_PROXY=true`). Otherwise any client could send them,
 * claiming another host (the cross-site check), scheme (the Secure cookie) or address (the
 * sign-in limit per address).
 */
export function trustsProxy(): boolean {
  return consoleEnv().SHARDLINE_TRUST_PROXY;
}

/** The first value of a forwarded header a trusted proxy set, or null. */
export function forwardedValue(
  request: Request,
  header: 'x-forwarded-host' | 'x-forwarded-proto',
): string | null {
  if (!trustsProxy()) return null;
  return request.headers.get(header)?.split(',')[0]?.trim() || null;
}

/**
 * The address a request came from, for the sign-in limit per address: the last entry of
 * X-Forwarded-For, which is the address that the proxy in front (SHARDLINE_TRUST_PROXY) saw, or,
 * without one, the connection's address, which Next.js writes there when the request carries no
 * such header. A client talking to the console directly can send the header itself and so choose
 * its key: the limit per email holds regardless; put the console behind a proxy that sets the
 * header wherever others can reach it.
 */
export function clientAddress(request: Request): string | null {
  const entries = request.headers.get('x-forwarded-for')?.split(',') ?? [];
  return entries.at(-1)?.trim() || null;
}
