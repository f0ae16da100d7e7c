import { ConflictError, NotFoundError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { isUuid } from '../sinks/sink-id';

/**
 * Deletes an account and its sessions (it is signed out everywhere at once). The last
 * administrator cannot be deleted: nobody could then manage accounts.
 */
export async function deleteAccount(db: Db, options: { accountId: string; by?: string }): Promise<void> {
  const { accountId } = options;
  const missing = () => new NotFoundError(`account ${accountId} does not exist`);
  if (!isUuid(accountId)) throw missing();
  await inTransaction(db, async (tx) => {
    // Locks the admins' rows, so two admins deleting each other cannot both succeed.
    const admins = await tx.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      "SELECT id::text FROM account WHERE role = 'admin' FOR UPDATE",
    );
    const account = await tx.prisma.account.findUnique({ where: { id: accountId } });
    if (!account) throw missing();
    if (account.role === 'admin' && admins.length <= 1) {
      throw new ConflictError('this is the last administrator: create another one before deleting it');
    }
    await tx.prisma.account.delete({ where: { id: accountId } });
    await recordAuditEvent(tx, {
      actor: actorOf(options.by),
      action: 'account.delete',
      targetType: 'account',
      targetId: account.id,
      targetName: account.email,
      details: { role: account.role },
    });
  });
}
