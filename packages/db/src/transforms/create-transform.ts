import { actorOf } from '../audit/audit-actions';
import { recordAuditEvent } from '../audit/record-audit-event';
import { type Db, inTransaction } from '../database';
import { isUniqueViolation } from '../sinks/sink-name-taken';
import { parseOrThrow } from '../validation';
import { type PublicTransform, publicTransformInclude, toPublicTransform } from './public-transform';
import { type CreateTransformInput, createTransformInputSchema } from './transform-input';
import { transformNameTaken } from './transform-name-taken';

/**
 * Creates a transform with its first version. `by` is recorded as the version's author, and in
 * the audit trail.
 */
export async function createTransform(
  db: Db,
  options: { input: CreateTransformInput; by?: string },
): Promise<PublicTransform> {
  const input = parseOrThrow(createTransformInputSchema, options.input);
  const existing = await db.prisma.transform.findUnique({
    where: { name: input.name },
    select: { id: true },
  });
  if (existing) throw transformNameTaken(input.name);

  const actor = actorOf(options.by);
  const created = await inTransaction(db, async (tx) => {
    const transform = await tx.prisma.transform.create({
      data: {
        name: input.name,
        description: input.description,
        currentVersion: 1,
        versions: { create: { version: 1, kind: input.kind, body: input.body, createdBy: actor } },
      },
      include: publicTransformInclude,
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'transform.create',
      targetType: 'transform',
      targetId: transform.id,
      targetName: transform.name,
    });
    return transform;
  }).catch((error: unknown) => {
    // Someone took the name between the check and the insert.
    if (isUniqueViolation(error)) throw transformNameTaken(input.name);
    throw error;
  });
  return toPublicTransform(created);
}
