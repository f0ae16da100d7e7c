import { NotFoundError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { isUuid } from '../sinks/sink-id';
import { isRecordNotFound } from '../sinks/sink-name-taken';

/** Revokes an API token: its row is deleted, and the next request with it is refused. */
export async function revokeApiToken(db: Db, options: { tokenId: string; by?: string }): Promise<void> {
  const { tokenId } = options;
  const missing = () => new NotFoundError(`token ${tokenId} does not exist`);
  if (!isUuid(tokenId)) throw missing();
  try {
    await inTransaction(db, async (tx) => {
      const deleted = await tx.prisma.apiToken.delete({ where: { id: tokenId } });
      await recordAuditEvent(tx, {
        actor: actorOf(options.by),
        action: 'token.revoke',
        targetType: 'token',
        targetId: deleted.id,
        targetName: deleted.name,
        details: { role: deleted.role },
      });
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw missing();
    throw error;
  }
}
