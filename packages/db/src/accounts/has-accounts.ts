import type { Db } from '../database';

/** Whether any account exists: until one does, the console offers its first-run setup. */
export async function hasAccounts(db: Db): Promise<boolean> {
  return (await db.prisma.account.findFirst({ select: { id: true } })) !== null;
}
