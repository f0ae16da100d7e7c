import { createHash, randomBytes } from 'node:crypto';

/** A new random token (256 bits), `prefix` first so a leaked one is recognisable. */
export function newSecretToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored of a token: its SHA-256 in hex. The token is 256 random bits, so a plain hash
 * cannot be reversed or guessed, and a copy of the database signs nobody in.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
