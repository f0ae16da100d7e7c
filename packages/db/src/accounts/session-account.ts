import type { Db } from '../database';
import { SESSION_IDLE_MS, SESSION_TOUCH_MS } from './account-role';
import { type PublicAccount, toPublicAccount } from './public-account';
import { tokenHash } from './secret-token';

/**
 * The account signed in with a session token, or null when the token names no session or the
 * session has been idle longer than SESSION_IDLE_MS (it is then deleted). Moves the session's
 * last use forward (at most once a minute). `now` is for tests.
 */
export async function sessionAccount(
  db: Db,
  options: { sessionToken: string; now?: Date },
): Promise<PublicAccount | null> {
  const now = options.now ?? new Date();
  const session = await db.prisma.session.findUnique({
    where: { tokenHash: tokenHash(options.sessionToken) },
    include: { account: true },
  });
  if (!session) return null;
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  if (idleMs > SESSION_IDLE_MS) {
    await db.prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleMs > SESSION_TOUCH_MS) {
    await db.prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return toPublicAccount(session.account);
}
