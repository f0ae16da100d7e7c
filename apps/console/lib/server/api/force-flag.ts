import { z } from 'zod';

/**
 * `?force=true`: the person chose to go ahead although Shardline advised against it (save a sink
 * whose checks fail, delete a sink with messages waiting). Anything else is no.
 */
export function forceRequested(request: Request): boolean {
  return new URL(request.url).searchParams.get('force') === 'true';
}

/** The `force` query parameter, as the OpenAPI document describes it for the requests that save settings. */
export const forceQuerySchema = z.object({
  force: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'true saves even when checks fail (the explicit "Save anyway"); by default a failing check saves nothing',
    ),
});
