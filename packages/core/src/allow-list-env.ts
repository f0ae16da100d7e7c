import { z } from 'zod';
import { parseAllowList } from './target-address';

/**
 * SHARDLINE_ENDPOINT_ALLOW_LIST: CIDRs a process may reach although they are link-local or
 * metadata addresses (docs/security.md). The engine and the console read it through this, so a
 * wrong entry stops each of them with the same words.
 */
export const endpointAllowListEnvShape = {
  SHARDLINE_ENDPOINT_ALLOW_LIST: z
    .string()
    .default('')
    .transform((text, context) => {
      try {
        return parseAllowList(text, 'SHARDLINE_ENDPOINT_ALLOW_LIST');
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
};
