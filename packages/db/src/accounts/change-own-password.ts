import { ValidationError } from '@shardline/core';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { parseOrThrow } from '../validation';
import { type ChangePasswordInput, changePasswordInputSchema } from './account-input';
import { hashPassword, passwordMatches } from './password-hash';
import { passwordProblem } from './password-rules';
import { tokenHash } from './secret-token';
import { countSignInAttempt } from './sign-in-attempts';

/**
 * A signed-in account changes its own password, giving its current one. Every other session of
 * the account ends (a browser left signed in elsewhere, or a stolen cookie); the session that made
 * the change goes on, as its owner has just proved who they are.
 */
export async function changeOwnPassword(
  db: Db,
  options: { accountId: string; sessionToken: string; input: ChangePasswordInput },
): Promise<void> {
  const input = parseOrThrow(changePasswordInputSchema, options.input);
  const account = await db.prisma.account.findUniqueOrThrow({ where: { id: options.accountId } });
  // Counted like a sign-in: a session (a stolen cookie, say) cannot guess the password here.
  const attempt = await countSignInAttempt(db, account.email, new Date());
  if (attempt.lockedUntil && attempt.lockedUntil > new Date()) {
    throw new ValidationError(
      `currentPassword: too many wrong passwords for ${account.email}: try again after ${attempt.lockedUntil.toISOString()}`,
      'currentPassword',
    );
  }
  if (!(await passwordMatches(account.passwordHash, input.currentPassword))) {
    throw new ValidationError('currentPassword: the current password is wrong', 'currentPassword');
  }
  if (input.newPassword === input.currentPassword) {
    throw new ValidationError('newPassword: the new password is the current one', 'newPassword');
  }
  const problem = passwordProblem(input.newPassword, account.email);
  if (problem) throw new ValidationError(`newPassword: ${problem}`, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    await tx.prisma.account.update({ where: { id: account.id }, data: { passwordHash } });
    await tx.prisma.signInAttempt.deleteMany({ where: { email: account.email } });
    await tx.prisma.session.deleteMany({
      where: { accountId: account.id, NOT: { tokenHash: tokenHash(options.sessionToken) } },
    });
    await recordAuditEvent(tx, {
      actor: account.email,
      action: 'account.password_change',
      targetType: 'account',
      targetId: account.id,
      targetName: account.email,
    });
  });
}
