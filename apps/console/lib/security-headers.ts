/**
 * Headers sent with every console response (pages, API routes, assets, 404s), set in
 * next.config.ts. docs/security.md explains each choice.
 */

// React in development rebuilds server error stacks with eval; the production build never evals.
const development = process.env.NODE_ENV === 'development';

const contentSecurityPolicy = [
  "default-src 'self'",
  // Next.js inlines the scripts that hand the server's render to React. Nonces would allow them
  // without 'unsafe-inline', but only on pages rendered per request; the console's own scripts
  // all come from 'self' and it renders no user-supplied HTML.
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
  // CodeMirror (the transform and filter editors) injects its styles as <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // The console talks to its own API only; AWS and source databases are reached by the server.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  // No upgrade-insecure-requests: a console served over plain HTTP inside a private network
  // would have every asset request rewritten to HTTPS and fail.
].join('; ');

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  // frame-ancestors does the same for browsers that read CSP; this is for those that do not.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Console URLs name sinks, sources and messages: other sites are not told which one was open.
  { key: 'Referrer-Policy', value: 'same-origin' },
  // The console needs none of these; a script that got in cannot ask for them either.
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];
