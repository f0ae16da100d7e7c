import { z } from 'zod';
/**
 * `?force=true`: the person chose to go ahead although Shardline advised against it (save a sink
 * whose checks fail, delete a sink with messages waiting). Anything else is no.
 */
export declare function forceRequested(request: Request): boolean;
/** The `force` query parameter, as the OpenAPI document describes it for the requests that save settings. */
export declare const forceQuerySchema: z.ZodObject<
  {
    force: z.ZodOptional<
      z.ZodEnum<{
        true: 'true';
        false: 'false';
      }>
    >;
  },
  z.core.$strip
>;
