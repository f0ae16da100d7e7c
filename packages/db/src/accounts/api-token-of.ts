import type { Db } from '../database';
import { SESSION_TOUCH_MS } from './account-role';
import { type PublicApiToken, toPublicApiToken } from './public-api-token';
import { tokenHash } from './secret-token';

/** The API token a bearer token is, or null. Notes its last use (at most once a minute). */
export async function apiTokenOf(
  db: Db,
  options: { token: string; now?: Date },
): Promise<PublicApiToken | null> {
  const now = options.now ?? new Date();
  const row = await db.prisma.apiToken.findUnique({ where: { tokenHash: tokenHash(options.token) } });
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > SESSION_TOUCH_MS) {
    await db.prisma.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return toPublicApiToken(row);
}
