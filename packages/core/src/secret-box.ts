import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/**
 * Encrypts secrets (AWS keys, database passwords) before they are stored. The key is 32 bytes,
 * given as 64 hex characters or base64. Ciphertext format: `v1.<iv>.<tag>.<data>` (base64url).
 *
 * During a key rotation a previous key may be given too: secrets stored with it can still be
 * read, while everything encrypted from now on uses the current key.
 */
export class SecretBox {
  readonly #key: Buffer;
  readonly #previousKey: Buffer | null;

  constructor(key: string, previousKey?: string) {
    this.#key = parseKey(key);
    this.#previousKey = previousKey === undefined ? null : parseKey(previousKey);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(ciphertext: string): string {
    const [version, iv, tag, data] = ciphertext.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined)
      throw new Error('stored secret has an unknown format');
    const parts = { iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), data };
    const plaintext =
      decryptWith(this.#key, parts) ?? (this.#previousKey ? decryptWith(this.#previousKey, parts) : null);
    if (plaintext !== null) return plaintext;
    throw new Error(
      this.#previousKey
        ? 'stored secret cannot be decrypted: it was stored with neither the current encryption key nor the previous one'
        : 'stored secret cannot be decrypted: the encryption key differs from the one it was stored with',
    );
  }
}

/** Whether `key` is usable as a SecretBox key (32 bytes, as 64 hex characters or base64). */
export function isSecretKey(key: string): boolean {
  return decodeKey(key).length === 32;
}

/** Null when the key is not the one the secret was stored with (GCM's tag does not match). */
function decryptWith(key: Buffer, parts: { iv: Buffer; tag: Buffer; data: string }): string | null {
  const decipher = createDecipheriv(ALGORITHM, key, parts.iv);
  decipher.setAuthTag(parts.tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(parts.data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}

function parseKey(key: string): Buffer {
  const buffer = decodeKey(key);
  if (buffer.length !== 32) {
    throw new Error('the secret encryption key must be 32 bytes, written as 64 hex characters or as base64');
  }
  return buffer;
}

function decodeKey(key: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
}
