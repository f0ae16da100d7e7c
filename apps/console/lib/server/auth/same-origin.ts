/**
 * Whether a request comes from a page of the console itself: its Origin (or, when a browser sent
 * none, its Referer) is the console's origin. That is SHARDLINE_CONSOLE_ORIGIN when set (behind
 * a proxy that rewrites Host), else the scheme and Host the request was sent to. A browser
 * always sends Origin with a cross-site POST, PUT, PATCH or DELETE, and a page cannot forge it.
 */
export function fromConsoleOrigin(request: Request): boolean {
  const claimed = originOf(request.headers.get('origin')) ?? originOf(request.headers.get('referer'));
  if (!claimed) return false;
  const configured = originOf(process.env.SHARDLINE_CONSOLE_ORIGIN ?? null);
  if (configured) return claimed === configured;
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const proto =
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? url.protocol.replace(':', '');
  return claimed === originOf(`${proto}://${host}`);
}

function originOf(value: string | null): string | null {
  if (!value || value === 'null') return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
