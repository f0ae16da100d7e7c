import { type SecretBox, secretBoxFromEnv } from '@shardline/core';

const holder = globalThis as { shardlineSecretBox?: SecretBox };

/**
 * Encrypts AWS secrets and database passwords before they are stored, and reads them back: the
 * same key as the engine, and during a key rotation the previous one too. A missing or malformed
 * key throws an error naming the variable (start-up checks it too: instrumentation.ts).
 */
export function secretBox(): SecretBox {
  if (!holder.shardlineSecretBox) holder.shardlineSecretBox = secretBoxFromEnv(process.env);
  return holder.shardlineSecretBox;
}
