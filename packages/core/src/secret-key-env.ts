import { z } from 'zod';
import { isSecretKey, SecretBox } from './secret-box';

const KEY_FORMAT = '32 random bytes as 64 hex characters (openssl rand -hex 32)';

/**
 * The encryption key settings. The engine, the console and `npm run secrets:rotate` all read
 * them through this, so a missing or malformed key stops each of them with the same words,
 * naming the variable to fix.
 */
export const secretKeyEnvShape = {
  SHARDLINE_SECRET_KEY: z
    .string({ error: `SHARDLINE_SECRET_KEY is required: ${KEY_FORMAT}; it encrypts stored secrets` })
    .min(1, `SHARDLINE_SECRET_KEY is required: ${KEY_FORMAT}; it encrypts stored secrets`)
    .refine(isSecretKey, `SHARDLINE_SECRET_KEY is not a valid key: it must be ${KEY_FORMAT}`),
  /** Set only while rotating keys: secrets stored with it stay readable until they are re-encrypted. */
  SHARDLINE_SECRET_KEY_PREVIOUS: z
    .string()
    .optional()
    // Empty, as .env.example leaves it, means there is no previous key.
    .transform((value) => value || undefined)
    .refine(
      (value) => value === undefined || isSecretKey(value),
      `SHARDLINE_SECRET_KEY_PREVIOUS is not a valid key: it must be ${KEY_FORMAT}, like SHARDLINE_SECRET_KEY`,
    ),
};

const secretKeyEnvSchema = z.object(secretKeyEnvShape);

/** A SecretBox with the current key and, during a rotation, the previous one; throws naming what is wrong. */
export function secretBoxFromEnv(env: Record<string, string | undefined>): SecretBox {
  const result = secretKeyEnvSchema.safeParse(env);
  if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message).join('\n'));
  return new SecretBox(result.data.SHARDLINE_SECRET_KEY, result.data.SHARDLINE_SECRET_KEY_PREVIOUS);
}
