import type { Db } from '../database';
import { type PublicApiToken, toPublicApiToken } from './public-api-token';

/** Every API token, by name (never the tokens themselves). */
export async function listApiTokens(db: Db): Promise<PublicApiToken[]> {
  const rows = await db.prisma.apiToken.findMany({ orderBy: { name: 'asc' } });
  return rows.map(toPublicApiToken);
}
