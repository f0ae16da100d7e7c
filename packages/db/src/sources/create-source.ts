import { ConflictError, type SecretBox } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { parseOrThrow } from '../validation';
import { type PublicSource, toPublicSource } from './public-source';
import { refuseSharedSlot } from './refuse-shared-slot';
import { type CreateSourceInput, createSourceInputSchema } from './source-input';

/**
 * Stores a source's settings; checking that the database is ready is checkSource's job (capture).
 * `by` is recorded in the audit trail as who added it.
 */
export async function createSource(
  db: Db,
  options: { secretBox: SecretBox; input: CreateSourceInput; by?: string },
): Promise<PublicSource> {
  const input = parseOrThrow(createSourceInputSchema, options.input);
  const existing = await db.prisma.source.findUnique({ where: { name: input.name }, select: { id: true } });
  if (existing) throw new ConflictError(`a source named "${input.name}" already exists`, 'name');

  await refuseSharedSlot(db, input);

  try {
    const source = await inTransaction(db, async (tx) => {
      const created = await tx.prisma.source.create({
        data: {
          name: input.name,
          host: input.host,
          port: input.port,
          database: input.database,
          username: input.username,
          passwordCiphertext: input.password === null ? null : options.secretBox.encrypt(input.password),
          sslMode: input.sslMode,
          publicationName: input.publicationName,
          slotName: input.slotName,
        },
      });
      await recordAuditEvent(tx, {
        actor: actorOf(options.by),
        action: 'source.create',
        targetType: 'source',
        targetId: created.id,
        targetName: created.name,
      });
      return created;
    });
    return toPublicSource(source);
  } catch (error) {
    // Someone created one with the same name between the check and the insert.
    if ((error as { code?: string }).code === 'P2002') {
      throw new ConflictError(`a source named "${input.name}" already exists`, 'name');
    }
    throw error;
  }
}
