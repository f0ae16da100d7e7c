import { randomBytes } from 'node:crypto';

/** Lowercase hex, so the result is valid in stream names, database names and Redis keys alike. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}
