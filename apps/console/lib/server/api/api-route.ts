import { errorResponse } from './error-response';
import { jsonResponse } from './json-response';

/** What a route handler receives from Next: its dynamic segments. */
export interface RouteContext<P extends Record<string, string> = Record<string, string>> {
  params: Promise<P>;
}

/**
 * Wraps a route handler: its result is sent as JSON (a Response is sent as it is), and any error
 * becomes the API's error body with the right status.
 */
export function apiRoute<P extends Record<string, string>>(
  handler: (request: Request, params: P) => Promise<unknown>,
  options: { status?: number } = {},
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const result = await handler(request, await context.params);
      return result instanceof Response ? result : jsonResponse(result, options.status ?? 200);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
