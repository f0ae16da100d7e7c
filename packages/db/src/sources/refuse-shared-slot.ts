import { ConflictError } from '@shardline/core';
import type { Db } from '../database';

/**
 * Refuses a source whose database and slot another source already reads: two readers on one
 * slot would each take changes away from the other. `exceptId` is the source being edited.
 */
export async function refuseSharedSlot(
  db: Db,
  target: { host: string; port: number; database: string; slotName: string; exceptId?: string },
): Promise<void> {
  const sameSlot = await db.prisma.source.findFirst({
    where: {
      host: target.host,
      port: target.port,
      database: target.database,
      slotName: target.slotName,
      ...(target.exceptId ? { id: { not: target.exceptId } } : {}),
    },
    select: { name: true },
  });
  if (sameSlot) {
    throw new ConflictError(
      `the source "${sameSlot.name}" already reads database ${target.database} through the slot ` +
        `"${target.slotName}": give this source a slot of its own`,
      'slotName',
    );
  }
}
