import { ConflictError, NotFoundError, type SecretBox } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { changedFields, STORED_SECRET } from '../audit/changed-fields';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { assertSourcePasswordTarget } from '../secrets/secret-target';
import { parseOrThrow } from '../validation';
import { type PublicSource, toPublicSource } from './public-source';
import { refuseSharedSlot } from './refuse-shared-slot';
import { type SourceChanges, type UpdateSourceInput, updateSourceInputSchema } from './update-source-input';

/**
 * Edits a source's settings. The engine reads them when it (re)starts the source's reader. The
 * replication slot cannot change while sinks read from the source: the new slot would start at
 * the current position, and the changes in between would never reach them. `by` is recorded in
 * the audit trail with the names of the settings that changed (the password only as changed).
 */
export async function updateSource(
  db: Db,
  options: { secretBox: SecretBox; sourceId: string; input: UpdateSourceInput; by?: string },
): Promise<PublicSource> {
  const input = parseOrThrow(updateSourceInputSchema, options.input);
  try {
    return await inTransaction(db, async (tx) => {
      // FOR UPDATE also holds back a sink being created for this source until the edit is done.
      const locked = await tx.prisma.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM source WHERE id = ${options.sourceId}::uuid FOR UPDATE`;
      const current =
        locked.length > 0 ? await tx.prisma.source.findUnique({ where: { id: options.sourceId } }) : null;
      if (!current) throw new NotFoundError(`source ${options.sourceId} does not exist`);

      if (input.password === undefined && current.passwordCiphertext !== null) {
        assertSourcePasswordTarget(current, settingsOf(input));
      }
      const next = { ...current, ...settingsOf(input) };
      if (next.name !== current.name) {
        const named = await tx.prisma.source.findUnique({ where: { name: next.name }, select: { id: true } });
        if (named) throw nameTaken(next.name);
      }
      const slotChanged = next.slotName !== current.slotName;
      if (slotChanged) await refuseWhileSinksRead(tx, current.id, current.name);
      await refuseSharedSlot(tx, { ...next, exceptId: current.id });

      const source = await tx.prisma.source.update({
        where: { id: current.id },
        data: {
          ...settingsOf(input),
          ...(input.password === undefined
            ? {}
            : {
                passwordCiphertext:
                  input.password === null ? null : options.secretBox.encrypt(input.password),
              }),
          // The position stored was the old slot's; the new one starts afresh.
          ...(slotChanged ? { confirmedLsn: null } : {}),
        },
      });
      const stored = { ...current, password: current.passwordCiphertext === null ? null : STORED_SECRET };
      await recordAuditEvent(tx, {
        actor: actorOf(options.by),
        action: 'source.update',
        targetType: 'source',
        targetId: source.id,
        targetName: source.name,
        details: { fields: changedFields(stored, { ...input }) },
      });
      return toPublicSource(source);
    });
  } catch (error) {
    // Someone took the name between the check and the update.
    if ((error as { code?: string }).code === 'P2002' && input.name) throw nameTaken(input.name);
    throw error;
  }
}

/** The settings the edit changes, the password aside (it is stored encrypted). */
function settingsOf(changes: SourceChanges): Omit<SourceChanges, 'password'> {
  const { password: _password, ...settings } = changes;
  return settings;
}

async function refuseWhileSinksRead(tx: Db, sourceId: string, sourceName: string) {
  const sinks = await tx.prisma.sink.findMany({
    where: { sourceId },
    select: { name: true },
    orderBy: { name: 'asc' },
  });
  if (sinks.length === 0) return;
  throw new ConflictError(
    `the replication slot of the source "${sourceName}" cannot change while ` +
      `${sinks.length === 1 ? 'a sink reads' : `${sinks.length} sinks read`} from it ` +
      `(${sinks.map((sink) => `"${sink.name}"`).join(', ')}): the changes made until the new slot exists ` +
      'would never reach them. Delete those sinks first, or keep the slot',
    'slotName',
  );
}

function nameTaken(name: string): ConflictError {
  return new ConflictError(`a source named "${name}" already exists: choose another name`, 'name');
}
