import { authenticate } from '../auth/authenticate';
import { fromConsoleOrigin } from '../auth/same-origin';
import { consoleRequestDurations, routePattern } from '../metrics/console-metrics';
import { ApiError } from './api-error';
import { errorResponse } from './error-response';
import { jsonResponse } from './json-response';
import { rememberPrincipal } from './request-actor';

/** What a route handler receives from Next: its dynamic segments. */
export interface RouteContext<P extends Record<string, string> = Record<string, string>> {
  params: Promise<P>;
}

/**
 * Who may call a route: `public` (anyone: health, the OpenAPI document, sign-in, setup),
 * `viewer` (any signed-in account or token) or `admin`.
 */
export type RouteAccess = 'public' | 'viewer' | 'admin';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Wraps a route handler: checks who is calling, then sends its result as JSON (a Response is
 * sent as it is), and turns any error into the API's error body with the right status.
 *
 * `access` defaults by method: reading (GET) needs a viewer, anything else an admin. So a new
 * route is never public, and a new route that changes something is an admin's, unless it says
 * otherwise. A mutating request that is not sent with a bearer token (a browser's, with the
 * session cookie) must come from the console's own origin (cross-site request forgery).
 */
export function apiRoute<P extends Record<string, string>>(
  handler: (request: Request, params: P) => Promise<unknown>,
  options: { status?: number; access?: RouteAccess } = {},
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  const answer = async (request: Request, params: P): Promise<Response> => {
    try {
      await authorize(request, options.access ?? (MUTATING.has(request.method) ? 'admin' : 'viewer'));
      const result = await handler(request, params);
      return result instanceof Response ? result : jsonResponse(result, options.status ?? 200);
    } catch (error) {
      return errorResponse(error);
    }
  };
  return async (request, context) => {
    const startedAt = performance.now();
    // Next gives a route without dynamic segments no params at all.
    const params = ((await context?.params) ?? {}) as P;
    const response = await answer(request, params);
    try {
      consoleRequestDurations().observe(
        {
          method: request.method,
          route: routePattern(new URL(request.url).pathname, params),
          status: String(response.status),
        },
        (performance.now() - startedAt) / 1000,
      );
    } catch (error) {
      // A metric that cannot be recorded must not cost the caller its answer.
      console.error('could not record the duration of an API request', error);
    }
    return response;
  };
}

async function authorize(request: Request, access: RouteAccess): Promise<void> {
  // A public route reads no credentials: health must answer even when the database does not.
  const principal = access === 'public' ? null : await authenticate(request);
  if (principal) rememberPrincipal(request, principal);
  if (!principal && access !== 'public') {
    throw new ApiError(
      401,
      'unauthenticated',
      'sign in first (or send Authorization: Bearer <token> with an API token)',
    );
  }
  // Sign-in and setup too: another site must not sign a browser in to an account of its choosing.
  if (MUTATING.has(request.method) && principal?.kind !== 'token' && !fromConsoleOrigin(request)) {
    throw new ApiError(
      403,
      'cross_site_request',
      'this request did not come from a page of the console (its Origin is another site, or missing): send it from the console, or with an API token',
    );
  }
  if (access === 'admin' && principal?.role !== 'admin') {
    throw new ApiError(
      403,
      'forbidden',
      `this needs the admin role; ${principal?.name} is a ${principal?.role}, who may look but not change anything`,
    );
  }
}
