import type { Account } from '../generated/prisma/client';
import type { AccountRole } from './account-role';

/** An account as the API shows it: never its password hash. */
export interface PublicAccount {
  id: string;
  email: string;
  role: AccountRole;
  createdAt: Date;
  createdBy: string;
}

export function toPublicAccount(row: Account): PublicAccount {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.createdAt, createdBy: row.createdBy };
}
