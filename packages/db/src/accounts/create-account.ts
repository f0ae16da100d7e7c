import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { isUniqueViolation } from '../sinks/sink-name-taken';
import { parseOrThrow } from '../validation';
import { accountEmailTaken } from './account-email-taken';
import { type CreateAccountInput, createAccountInputSchema } from './account-input';
import { hashPassword } from './password-hash';
import { type PublicAccount, toPublicAccount } from './public-account';

/** Creates an account with its role; `by` is recorded as its creator and in the audit trail. */
export async function createAccount(
  db: Db,
  options: { input: CreateAccountInput; by?: string },
): Promise<PublicAccount> {
  const input = parseOrThrow(createAccountInputSchema, options.input);
  const passwordHash = await hashPassword(input.password);
  const actor = actorOf(options.by);
  const created = await inTransaction(db, async (tx) => {
    const account = await tx.prisma.account.create({
      data: { email: input.email, passwordHash, role: input.role, createdBy: actor },
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'account.create',
      targetType: 'account',
      targetId: account.id,
      targetName: account.email,
      details: { role: account.role },
    });
    return account;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw accountEmailTaken(input.email);
    throw error;
  });
  return toPublicAccount(created);
}
