import type { Db } from '../database';
import { isUuid } from '../sinks/sink-id';
import type { TransformKind } from './transform-input';

/** One version of a transform, as stored: what running it needs. */
export interface TransformVersionRef {
  id: string;
  version: number;
  kind: TransformKind;
  body: string;
}

/**
 * The version of its transform a sink runs now (the highest, as the engine reads it), or null
 * when the sink has no transform or does not exist.
 */
export async function getSinkCurrentTransform(
  db: Db,
  options: { sinkId: string },
): Promise<TransformVersionRef | null> {
  if (!isUuid(options.sinkId)) return null;
  const sink = await db.prisma.sink.findUnique({
    where: { id: options.sinkId },
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
