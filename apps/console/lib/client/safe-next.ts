/** Where a sign-in goes when it was given nowhere, or somewhere outside the console. */
export const DEFAULT_AFTER_SIGN_IN = '/sinks';

/**
 * The page to go to after signing in, from the `next` query parameter: resolved against the
 * console's own origin the way the browser would resolve it, and kept only when the result is
 * still on that origin. Browsers read `/\evil.example` and `/<tab>/evil.example` as
 * `//evil.example`, so no test of the text itself is safe; the URL parser is what the browser uses.
 */
export function safeNext(next: string | null, consoleOrigin: string): string {
  if (!next) return DEFAULT_AFTER_SIGN_IN;
  let target: URL;
  try {
    target = new URL(next, consoleOrigin);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (target.origin !== new URL(consoleOrigin).origin) return DEFAULT_AFTER_SIGN_IN;
  return `${target.pathname}${target.search}${target.hash}`;
}
