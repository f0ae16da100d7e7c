import { NotFoundError } from '@shardline/core';
import { actorOf } from '../audit/audit-actions';
import { changedFields } from '../audit/changed-fields';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { isUuid } from '../sinks/sink-id';
import { isUniqueViolation } from '../sinks/sink-name-taken';
import { parseOrThrow } from '../validation';
import { type PublicTransform, publicTransformInclude, toPublicTransform } from './public-transform';
import { type UpdateTransformInput, updateTransformInputSchema } from './transform-input';
import { transformNameTaken } from './transform-name-taken';

/**
 * Edits a transform. A new kind or body makes a new version, which becomes the one that runs;
 * a new name or description does not. `by` is recorded as the new version's author, and in the
 * audit trail with the names of the fields that changed.
 */
export async function updateTransform(
  db: Db,
  options: { transformId: string; input: UpdateTransformInput; by?: string },
): Promise<PublicTransform> {
  const changes = parseOrThrow(updateTransformInputSchema, options.input);
  const { transformId } = options;
  if (!isUuid(transformId)) throw new NotFoundError(`transform ${transformId} does not exist`);

  const updated = await inTransaction(db, async (tx) => {
    // Locked, so two edits at once are applied one after the other: the second reads the
    // version the first made and adds the next, instead of both adding the same one.
    const [locked] = await tx.prisma.$queryRaw<
      Array<{ name: string; description: string; current_version: number }>
    >`SELECT name, description, current_version FROM transform WHERE id = ${transformId}::uuid FOR UPDATE`;
    if (!locked) throw new NotFoundError(`transform ${transformId} does not exist`);
    if (changes.name !== undefined && changes.name !== locked.name) {
      const taken = await tx.prisma.transform.findUnique({
        where: { name: changes.name },
        select: { id: true },
      });
      if (taken) throw transformNameTaken(changes.name);
    }

    const current = await tx.prisma.transformVersion.findUniqueOrThrow({
      where: { transformId_version: { transformId, version: locked.current_version } },
    });
    const kind = changes.kind ?? current.kind;
    const body = changes.body ?? current.body;
    const isNewVersion = kind !== current.kind || body !== current.body;
    const currentVersion = isNewVersion ? current.version + 1 : current.version;
    const actor = actorOf(options.by);
    if (isNewVersion) {
      await tx.prisma.transformVersion.create({
        data: { transformId, version: currentVersion, kind, body, createdBy: actor },
      });
    }
    const now = new Date();
    // The delivery engine caches a sink's settings until the sink's updated_at moves: moving it
    // on every sink that uses the transform makes them all pick up the edit.
    await tx.prisma.sink.updateMany({ where: { transformId }, data: { updatedAt: now } });
    const updated = await tx.prisma.transform.update({
      where: { id: transformId },
      // Prisma leaves a field alone when it is undefined: fields not given stay as they are.
      data: { name: changes.name, description: changes.description, currentVersion, updatedAt: now },
      include: publicTransformInclude,
    });
    const before = {
      name: locked.name,
      description: locked.description,
      kind: current.kind,
      body: current.body,
    };
    await recordAuditEvent(tx, {
      actor,
      action: 'transform.update',
      targetType: 'transform',
      targetId: transformId,
      targetName: updated.name,
      details: { fields: changedFields(before, { ...changes }), version: currentVersion },
    });
    return updated;
  }).catch((error: unknown) => {
    // Someone took the name between the check and the update.
    if (isUniqueViolation(error) && changes.name !== undefined) throw transformNameTaken(changes.name);
    throw error;
  });
  return toPublicTransform(updated);
}
