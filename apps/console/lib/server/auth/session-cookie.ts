import { forwardedValue } from './forwarded';

/** The cookie that carries a session token. */
export const SESSION_COOKIE = 'shardline_session';

/**
 * Whether the console is served over https: the request's own URL, or the trusted proxy in front
 * that terminated TLS (X-Forwarded-Proto, with SHARDLINE_TRUST_PROXY). The cookie is then
 * `Secure`, so it never travels in clear.
 */
export function servedOverHttps(request: Request): boolean {
  const forwarded = forwardedValue(request, 'x-forwarded-proto');
  return (forwarded ?? new URL(request.url).protocol.replace(':', '')) === 'https';
}

/**
 * `Set-Cookie` for a new session: HttpOnly (no script reads it), SameSite=Lax (not sent with
 * another site's POSTs, images or frames), Secure over https, for the whole console. No
 * Max-Age: the browser drops it when closed, and the server ends it after 12 idle hours anyway.
 */
export function sessionCookie(request: Request, sessionToken: string): string {
  return [
    `${SESSION_COOKIE}=${sessionToken}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(servedOverHttps(request) ? ['Secure'] : []),
  ].join('; ');
}

/** `Set-Cookie` that removes the session cookie. */
export function clearedSessionCookie(request: Request): string {
  return [
    `${SESSION_COOKIE}=`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    'Max-Age=0',
    ...(servedOverHttps(request) ? ['Secure'] : []),
  ].join('; ');
}

/** The session token of the request's cookie, if any. */
export function sessionTokenOf(request: Request): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}
