import { consoleEnv } from '../env';
import { forwardedValue } from './forwarded';

/**
 * Whether a request comes from a page of the console itself: its Origin (or, when a browser sent
 * none at all, its Referer) is the console's origin. That is SHARDLINE_CONSOLE_ORIGIN when set,
 * else the scheme and Host the request was sent to (as a trusted proxy forwarded them, with
 * SHARDLINE_TRUST_PROXY). A browser always sends Origin with a cross-site POST, PUT, PATCH or
 * DELETE, and a page cannot forge it. `Origin: null` (a sandboxed frame, a redirect across sites,
 * a `data:` page) is refused: its Referer is not asked, as such pages can choose what it says.
 */
export function fromConsoleOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === 'null') return false;
  const claimed = origin ? originOf(origin) : originOf(request.headers.get('referer'));
  if (!claimed) return false;
  const configured = originOf(consoleEnv().SHARDLINE_CONSOLE_ORIGIN);
  if (configured) return claimed === configured;
  const url = new URL(request.url);
  const host = forwardedValue(request, 'x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const proto = forwardedValue(request, 'x-forwarded-proto') ?? url.protocol.replace(':', '');
  return claimed === originOf(`${proto}://${host}`);
}

function originOf(value: string | null): string | null {
  if (!value) return null;
  try {
    const { origin } = new URL(value);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
