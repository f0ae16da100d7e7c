import { ConflictError } from '@shardline/core';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { parseOrThrow } from '../validation';
import { type FirstAccountInput, firstAccountInputSchema } from './account-input';
import { hashPassword } from './password-hash';
import { type PublicAccount, toPublicAccount } from './public-account';

// Any constant: serialises concurrent first-run setups so only one of them creates an admin.
const FIRST_ACCOUNT_LOCK = 7_204_311;

/**
 * Creates the first administrator, only while there is no account at all (the console's first
 * run, or SHARDLINE_ADMIN_EMAIL at start). Once any account exists it is a ConflictError: from
 * then on accounts are created by an administrator.
 */
export async function createFirstAccount(
  db: Db,
  options: { input: FirstAccountInput; by?: string },
): Promise<PublicAccount> {
  const input = parseOrThrow(firstAccountInputSchema, options.input);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    await tx.prisma.$queryRawUnsafe('SELECT pg_advisory_xact_lock($1)::text', FIRST_ACCOUNT_LOCK);
    if ((await tx.prisma.account.count()) > 0) {
      throw new ConflictError('the console is already set up: sign in with an existing account');
    }
    const account = await tx.prisma.account.create({
      data: { email: input.email, passwordHash, role: 'admin', createdBy: options.by ?? 'setup' },
    });
    await recordAuditEvent(tx, {
      actor: options.by ?? account.email,
      action: 'account.create',
      targetType: 'account',
      targetId: account.id,
      targetName: account.email,
      details: { role: 'admin', firstAccount: true },
    });
    return toPublicAccount(account);
  });
}
