import dns from 'node:dns';
import net from 'node:net';

/**
 * Loaded before every test file (vitest setupFiles): no test may reach beyond the loopback range,
 * so a host name other than localhost never resolves here, as on a machine without a network:
 * the lookup fails with ENOTFOUND without a packet leaving (a test that points a sink at a real
 * AWS region without an endpoint, or an SDK that would probe for credentials, gets the answer it
 * would get offline). Literal addresses are not looked up and are left alone.
 */
const LOCAL_NAMES = new Set(['localhost', 'ip6-localhost', 'ip6-loopback']);

// Literal addresses pass the guard below, and the AWS SDK's default credential chain asks the
// instance metadata service at 169.254.169.254 when a test gives no credentials: it must not.
// Set here for every test file and the processes they start (global-setup.ts sets it too).
process.env.AWS_EC2_METADATA_DISABLED = 'true';

function refused(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (tests stay on the loopback range)`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
  });
}

function isLocal(hostname: string): boolean {
  return LOCAL_NAMES.has(hostname.toLowerCase()) || net.isIP(hostname) !== 0;
}

const lookup = dns.lookup;
const guardedLookup = ((hostname: string, ...rest: unknown[]) => {
  const callback = rest.at(-1) as (error: NodeJS.ErrnoException | null) => void;
  if (isLocal(hostname)) return (lookup as (...args: unknown[]) => void)(hostname, ...rest);
  process.nextTick(() => callback(refused(hostname)));
}) as typeof dns.lookup;
dns.lookup = guardedLookup;

const promisedLookup = dns.promises.lookup;
dns.promises.lookup = ((hostname: string, ...rest: unknown[]) =>
  isLocal(hostname)
    ? (promisedLookup as (...args: unknown[]) => Promise<unknown>)(hostname, ...rest)
    : Promise.reject(refused(hostname))) as typeof dns.promises.lookup;
