import type { Db } from '../database';
import { tokenHash } from './secret-token';

/** Ends a session: its row is deleted, so the cookie signs nobody in any more. */
export async function signOut(db: Db, options: { sessionToken: string }): Promise<void> {
  await db.prisma.session.deleteMany({ where: { tokenHash: tokenHash(options.sessionToken) } });
}
