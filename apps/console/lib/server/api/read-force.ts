import { z } from 'zod';
import { ApiError } from './api-error';

/** The query of the requests that save settings after checking them (docs/api.md, "Saving runs the checks"). */
export const forceQuerySchema = z.object({
  force: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'true saves even when checks fail (the explicit "Save anyway"); by default a failing check saves nothing',
    ),
});

/**
 * Whether the request says to save settings whose checks fail (`?force=true`): the explicit
 * second choice after a 422 `checks_failed`. Anything but true or false is refused.
 */
export function readForce(request: Request): boolean {
  const value = new URL(request.url).searchParams.get('force');
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw new ApiError(400, 'invalid_input', 'force must be true or false', 'force');
}
