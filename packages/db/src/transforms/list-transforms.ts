import type { Db } from '../database';
import { type PublicTransform, publicTransformInclude, toPublicTransform } from './public-transform';

/** Every transform, by name, with its current version and the sinks that use it. */
export async function listTransforms(db: Db): Promise<PublicTransform[]> {
  const rows = await db.prisma.transform.findMany({
    orderBy: { name: 'asc' },
    include: publicTransformInclude,
  });
  return rows.map(toPublicTransform);
}
