import { recordAuditEvent } from '../audit/record-audit-event';
import { type Database, inTransaction } from '../database';
import { parseOrThrow } from '../validation';
import { type SignInInput, signInInputSchema } from './account-input';
import { SIGN_IN_FAILURE_WINDOW_MS, SIGN_IN_LOCK_MS, SIGN_IN_MAX_FAILURES } from './account-role';
import { passwordMatches, spendPasswordCheck } from './password-hash';
import { type PublicAccount, toPublicAccount } from './public-account';
import { newSecretToken, tokenHash } from './secret-token';

export type SignInResult =
  | { ok: true; account: PublicAccount; sessionToken: string }
  /** A wrong password and an unknown email look the same, so emails cannot be probed. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntil: Date };

/**
 * Checks an email and password and opens a session. Five failures for an email within 15
 * minutes lock it for 15 minutes (even with the right password); failures are kept in
 * `sign_in_failure`, so every console process sees them. `now` is for tests.
 */
export async function signIn(
  db: Database,
  options: { input: SignInInput; now?: Date },
): Promise<SignInResult> {
  const input = parseOrThrow(signInInputSchema, options.input);
  const now = options.now ?? new Date();
  const lockedUntil = await currentLock(db, input.email, now);
  if (lockedUntil) return { ok: false, reason: 'locked', lockedUntil };

  const account = await db.prisma.account.findUnique({ where: { email: input.email } });
  if (account && (await passwordMatches(account.passwordHash, input.password))) {
    const sessionToken = newSecretToken('');
    await db.prisma.$transaction([
      db.prisma.signInFailure.deleteMany({ where: { email: input.email } }),
      db.prisma.session.create({
        data: { tokenHash: tokenHash(sessionToken), accountId: account.id, createdAt: now, lastSeenAt: now },
      }),
    ]);
    return { ok: true, account: toPublicAccount(account), sessionToken };
  }
  if (!account) await spendPasswordCheck(input.password);

  const locked = await recordFailure(db, input.email, account?.id ?? null, now);
  return locked ? { ok: false, reason: 'locked', lockedUntil: locked } : { ok: false, reason: 'invalid' };
}

async function currentLock(db: Database, email: string, now: Date): Promise<Date | null> {
  const { rows } = await db.pool.query<{ until: Date | null }>(
    'SELECT max(locked_until) AS until FROM sign_in_failure WHERE email = $1 AND locked_until > $2',
    [email, now],
  );
  return rows[0]?.until ?? null;
}

/** Records a failure; when it is the one that reaches the limit, locks the email and says until when. */
async function recordFailure(
  db: Database,
  email: string,
  accountId: string | null,
  now: Date,
): Promise<Date | null> {
  return inTransaction(db.pool, async (client) => {
    // One failure at a time per email, so two at once cannot both stay under the limit.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sign-in:${email}`]);
    await client.query('DELETE FROM sign_in_failure WHERE email = $1 AND at < $2', [
      email,
      new Date(now.getTime() - 24 * 60 * 60 * 1000),
    ]);
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) AS count FROM sign_in_failure WHERE email = $1 AND at > $2',
      [email, new Date(now.getTime() - SIGN_IN_FAILURE_WINDOW_MS)],
    );
    const failures = Number(rows[0]?.count ?? 0) + 1;
    const lockedUntil = failures >= SIGN_IN_MAX_FAILURES ? new Date(now.getTime() + SIGN_IN_LOCK_MS) : null;
    await client.query('INSERT INTO sign_in_failure (email, at, locked_until) VALUES ($1, $2, $3)', [
      email,
      now,
      lockedUntil,
    ]);
    await recordAuditEvent(client, {
      actor: email,
      action: lockedUntil ? 'account.lock' : 'account.sign_in_failure',
      targetType: 'account',
      targetId: accountId ?? email,
      targetName: email,
      details: { failures, knownAccount: accountId !== null, ...(lockedUntil ? { lockedUntil } : {}) },
    });
    return lockedUntil;
  });
}
