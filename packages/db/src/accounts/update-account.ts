import { ConflictError, NotFoundError, ValidationError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { isUuid } from '../sinks/sink-id';
import { parseOrThrow } from '../validation';
import { type UpdateAccountInput, updateAccountInputSchema } from './account-input';
import { hashPassword } from './password-hash';
import { passwordProblem } from './password-rules';
import { type PublicAccount, toPublicAccount } from './public-account';

/**
 * An administrator changes an account's role, resets its password, or both. Either ends every
 * session of the account (it signs in again, with its new role or password), and clears its
 * failed sign-ins. The last administrator cannot be made a viewer: nobody could manage accounts.
 */
export async function updateAccount(
  db: Db,
  options: { accountId: string; input: UpdateAccountInput; by?: string },
): Promise<PublicAccount> {
  const { accountId } = options;
  const missing = () => new NotFoundError(`account ${accountId} does not exist`);
  if (!isUuid(accountId)) throw missing();
  const input = parseOrThrow(updateAccountInputSchema, options.input);
  const existing = await db.prisma.account.findUnique({ where: { id: accountId } });
  if (!existing) throw missing();
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, existing.email);
    if (problem) throw new ValidationError(`password: ${problem}`, 'password');
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const actor = actorOf(options.by);
  return inTransaction(db, async (tx) => {
    // Locks the admins' rows, so two admins demoting each other cannot both succeed.
    const admins = await tx.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      "SELECT id::text FROM account WHERE role = 'admin' FOR UPDATE",
    );
    const account = await tx.prisma.account.findUnique({ where: { id: accountId } });
    if (!account) throw missing();
    const roleChanges = input.role !== undefined && input.role !== account.role;
    if (roleChanges && account.role === 'admin' && admins.length <= 1) {
      throw new ConflictError(
        'this is the last administrator: make another account an administrator before making this one a viewer',
        'role',
      );
    }
    const updated = await tx.prisma.account.update({
      where: { id: accountId },
      data: { ...(roleChanges ? { role: input.role } : {}), ...(passwordHash ? { passwordHash } : {}) },
    });
    if (roleChanges || passwordHash) {
      await tx.prisma.session.deleteMany({ where: { accountId } });
      await tx.prisma.signInAttempt.deleteMany({ where: { email: account.email } });
    }
    const target = { targetType: 'account' as const, targetId: account.id, targetName: account.email };
    if (roleChanges) {
      await recordAuditEvent(tx, {
        actor,
        action: 'account.role_change',
        ...target,
        details: { from: account.role, to: updated.role },
      });
    }
    if (passwordHash) await recordAuditEvent(tx, { actor, action: 'account.password_reset', ...target });
    return toPublicAccount(updated);
  });
}
