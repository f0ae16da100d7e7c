/** Pages shown without a session: no navigation, and a 401 there is an answer, not a redirect. */
const SIGNED_OUT_PAGES = new Set(['/sign-in', '/setup']);

export function isSignedOutPage(pathname: string): boolean {
  return SIGNED_OUT_PAGES.has(pathname);
}
