import { database } from '../database';
import type { TransformVersionRef } from './compiled-transforms';

/** The version of its transform a sink runs now (the highest, as the engine reads it), or null. */
export async function sinkCurrentTransform(sinkId: string): Promise<TransformVersionRef | null> {
  const sink = await database().prisma.sink.findUnique({
    where: { id: sinkId },
    select: {
      transform: {
        select: {
          id: true,
          versions: {
            select: { version: true, kind: true, body: true },
            orderBy: { version: 'desc' },
            take: 1,
          },
        },
      },
    },
  });
  const transform = sink?.transform;
  const current = transform?.versions[0];
  return transform && current ? { id: transform.id, ...current } : null;
}
