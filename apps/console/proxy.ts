import { type NextRequest, NextResponse } from 'next/server';

// The session cookie's name (lib/server/auth/session-cookie.ts); the proxy imports no server code.
const SESSION_COOKIE = 'shardline_session';
/** Routes for machines (scrapers, orchestrators), not pages: they answer for themselves. */
const MACHINE_ROUTES = new Set(['/metrics', '/healthz', '/readyz']);

/**
 * Sends a browser without a session cookie to the sign-in page, with where it was going. This is
 * the quick check only: whether the session is valid (not expired, not signed out) is decided
 * by every API route (apiRoute), which answer 401, and the pages then go to sign-in too.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.get(SESSION_COOKIE)?.value) return NextResponse.next();
  // /metrics asks for its API token itself (401, not a redirect a scraper cannot follow).
  if (MACHINE_ROUTES.has(request.nextUrl.pathname)) return NextResponse.next();
  const signIn = new URL('/sign-in', request.url);
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (next !== '/') signIn.searchParams.set('next', next);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Every page but sign-in and setup; the API checks its own credentials, and Next's files and
  // the icon (app/icon.svg, shown on the sign-in page too) are not pages.
  matcher: ['/((?!api/|_next/|sign-in|setup|favicon\\.ico|icon\\.svg).*)'],
};
