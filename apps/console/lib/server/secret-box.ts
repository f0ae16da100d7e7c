import { SecretBox } from '@shardline/core';

const holder = globalThis as { shardlineSecretBox?: SecretBox };

/** Encrypts AWS secrets and database passwords before they are stored (same key as the engine). */
export function secretBox(): SecretBox {
  if (!holder.shardlineSecretBox) {
    const key = process.env.SHARDLINE_SECRET_KEY;
    if (!key) {
      throw new Error(
        'SHARDLINE_SECRET_KEY is not set: the console needs the same key as the engine (64 hex characters) to store secrets',
      );
    }
    holder.shardlineSecretBox = new SecretBox(key);
  }
  return holder.shardlineSecretBox;
}
