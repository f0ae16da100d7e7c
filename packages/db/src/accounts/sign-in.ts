import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { parseOrThrow } from '../validation';
import { emailSchema, type SignInInput, signInInputSchema } from './account-input';
import { SIGN_IN_LOCK_MS, SIGN_IN_MAX_FAILURES } from './account-role';
import { passwordMatches, spendPasswordCheck } from './password-hash';
import { type PublicAccount, toPublicAccount } from './public-account';
import { newSecretToken, tokenHash } from './secret-token';
import { countFailedSignInFrom, signInBlockedUntil } from './sign-in-address-limit';
import { countSignInAttempt } from './sign-in-attempts';

export type SignInResult =
  | { ok: true; account: PublicAccount; sessionToken: string }
  /** A wrong password and an unknown email look the same, so emails cannot be probed. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntil: Date }
  /** Too many failures from the client's address, whatever the emails: it waits until then. */
  | { ok: false; reason: 'rate_limited'; retryAt: Date };

/**
 * Checks an email and password and opens a session. Each attempt is counted before the password
 * is checked, in one statement that increments and returns the count: however many arrive at
 * once, at most five passwords are checked per email in 15 minutes. The attempt that fails fifth
 * locks the email for 15 minutes (even with the right password); a success clears the count.
 * Failures are audited, for text shaped like an email only (anything else names no account and
 * would let anyone write what they like into the audit trail). A client address that failed 30
 * times in 15 minutes waits, whatever emails it tries (`clientAddress`, as the console tells it).
 * `now` is for tests.
 */
export async function signIn(
  db: Db,
  options: { input: SignInInput; clientAddress?: string | null; now?: Date },
): Promise<SignInResult> {
  const input = parseOrThrow(signInInputSchema, options.input);
  const now = options.now ?? new Date();
  const clientAddress = options.clientAddress ?? null;
  const retryAt = await signInBlockedUntil(db, clientAddress, now);
  if (retryAt) return { ok: false, reason: 'rate_limited', retryAt };
  if (!emailSchema.safeParse(input.email).success) {
    await spendPasswordCheck(input.password);
    await countFailedSignInFrom(db, clientAddress);
    return { ok: false, reason: 'invalid' };
  }
  const attempt = await countSignInAttempt(db, input.email, now);
  if (attempt.lockedUntil && attempt.lockedUntil > now) {
    return { ok: false, reason: 'locked', lockedUntil: attempt.lockedUntil };
  }

  const account = await db.prisma.account.findUnique({ where: { email: input.email } });
  if (account && (await passwordMatches(account.passwordHash, input.password))) {
    const sessionToken = newSecretToken('');
    await inTransaction(db, async (tx) => {
      await tx.prisma.signInAttempt.deleteMany({ where: { email: input.email } });
      await tx.prisma.session.create({
        data: { tokenHash: tokenHash(sessionToken), accountId: account.id, createdAt: now, lastSeenAt: now },
      });
    });
    return { ok: true, account: toPublicAccount(account), sessionToken };
  }
  if (!account) await spendPasswordCheck(input.password);

  await countFailedSignInFrom(db, clientAddress);
  const lockedUntil = await recordFailure(db, {
    email: input.email,
    accountId: account?.id ?? null,
    failures: attempt.attempts,
    now,
  });
  return lockedUntil ? { ok: false, reason: 'locked', lockedUntil } : { ok: false, reason: 'invalid' };
}

/** Audits a failed attempt; the one that reaches the limit locks the email and says until when. */
async function recordFailure(
  db: Db,
  failure: { email: string; accountId: string | null; failures: number; now: Date },
): Promise<Date | null> {
  const { email, accountId, failures, now } = failure;
  const reachesLimit = failures >= SIGN_IN_MAX_FAILURES;
  let lockedUntil: Date | null = null;
  if (reachesLimit) {
    const { rows } = await db.pool.query<{ locked_until: Date }>(
      `UPDATE sign_in_attempt SET locked_until = coalesce(locked_until, $2::timestamptz + $3::double precision * interval '1 millisecond')
       WHERE email = $1 RETURNING locked_until`,
      [email, now, SIGN_IN_LOCK_MS],
    );
    lockedUntil = rows[0]?.locked_until ?? new Date(now.getTime() + SIGN_IN_LOCK_MS);
  }
  await recordAuditEvent(db, {
    actor: email,
    action: lockedUntil ? 'account.lock' : 'account.sign_in_failure',
    targetType: 'account',
    targetId: accountId ?? email,
    targetName: email,
    details: { failures, knownAccount: accountId !== null, ...(lockedUntil ? { lockedUntil } : {}) },
  });
  return lockedUntil;
}
