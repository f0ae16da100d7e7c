import type { ApiToken } from '../generated/prisma/client';
import type { AccountRole } from './account-role';

/** An API token as the API shows it: never the token itself (shown once, at creation) nor its hash. */
export interface PublicApiToken {
  id: string;
  name: string;
  role: AccountRole;
  createdAt: Date;
  createdBy: string;
  lastUsedAt: Date | null;
}

export function toPublicApiToken(row: ApiToken): PublicApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt,
  };
}
