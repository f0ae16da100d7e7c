import { ConflictError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { isUniqueViolation } from '../sinks/sink-name-taken';
import { parseOrThrow } from '../validation';
import { type CreateApiTokenInput, createApiTokenInputSchema } from './api-token-input';
import { type PublicApiToken, toPublicApiToken } from './public-api-token';
import { newSecretToken, tokenHash } from './secret-token';

/** Every token starts with this, so one pasted in the wrong place is recognisable. */
export const API_TOKEN_PREFIX = 'shl_';

/**
 * Creates an API token with a role. The token is returned this once: only its SHA-256 is kept.
 */
export async function createApiToken(
  db: Db,
  options: { input: CreateApiTokenInput; by?: string },
): Promise<{ apiToken: PublicApiToken; token: string }> {
  const input = parseOrThrow(createApiTokenInputSchema, options.input);
  const token = newSecretToken(API_TOKEN_PREFIX);
  const actor = actorOf(options.by);
  const created = await inTransaction(db, async (tx) => {
    const row = await tx.prisma.apiToken.create({
      data: { name: input.name, role: input.role, tokenHash: tokenHash(token), createdBy: actor },
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'token.create',
      targetType: 'token',
      targetId: row.id,
      targetName: row.name,
      details: { role: row.role },
    });
    return row;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`a token named "${input.name}" already exists: choose another name`, 'name');
    }
    throw error;
  });
  return { apiToken: toPublicApiToken(created), token };
}
