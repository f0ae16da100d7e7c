import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/**
 * Encrypts secrets (AWS keys, database passwords) before they are stored. The key is 32 bytes,
 * given as 64 hex characters or base64. Ciphertext format: `v1.<iv>.<tag>.<data>` (base64url).
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: string) {
    this.#key = parseKey(key);
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
    const decipher = createDecipheriv(ALGORITHM, this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new Error(
        'stored secret cannot be decrypted: the encryption key differs from the one it was stored with',
      );
    }
  }
}

function parseKey(key: string): Buffer {
  const buffer = /^[0-9a-fA-F]{64}$/.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (buffer.length !== 32) {
    throw new Error('the secret encryption key must be 32 bytes, written as 64 hex characters or as base64');
  }
  return buffer;
}
