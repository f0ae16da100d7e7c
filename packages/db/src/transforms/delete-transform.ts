import { ConflictError, NotFoundError } from '@shardline/core';
import type { Database } from '../database';
import { isUuid } from '../sinks/sink-id';

/** Deletes a transform and its versions. Refused while sinks use it (docs/transforms.md). */
export async function deleteTransform(db: Database, options: { transformId: string }): Promise<void> {
  const { transformId } = options;
  if (!isUuid(transformId)) throw new NotFoundError(`transform ${transformId} does not exist`);
  try {
    const { count } = await db.prisma.transform.deleteMany({ where: { id: transformId } });
    if (count === 0) throw new NotFoundError(`transform ${transformId} does not exist`);
  } catch (error) {
    // The foreign key from sink (ON DELETE RESTRICT) is the guard, so a sink attached
    // concurrently cannot slip through a check made beforehand.
    if (!isForeignKeyViolation(error)) throw error;
    const sinks = await db.prisma.sink.findMany({
      where: { transformId },
      select: { name: true },
      orderBy: { name: 'asc' },
    });
    throw new ConflictError(
      `the transform is used by sink(s) ${sinks.map((sink) => sink.name).join(', ')}: detach it first`,
    );
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2003';
}
