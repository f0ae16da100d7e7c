import type { Db } from '../database';
import { type PublicAccount, toPublicAccount } from './public-account';

/** Every account, by email. */
export async function listAccounts(db: Db): Promise<PublicAccount[]> {
  const rows = await db.prisma.account.findMany({ orderBy: { email: 'asc' } });
  return rows.map(toPublicAccount);
}
