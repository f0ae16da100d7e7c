import { NotFoundError } from '@shardline/core';
import type { Db } from '../database';
import { isUuid } from '../sinks/sink-id';
import {
  publicTransformInclude,
  type TransformDetail,
  toPublicTransform,
  toTransformVersionRecord,
} from './public-transform';

/** One transform with every version it has had, newest first. */
export async function getTransform(db: Db, options: { transformId: string }): Promise<TransformDetail> {
  // The id column is a uuid: anything else cannot name a transform, and would fail the query.
  const row = isUuid(options.transformId)
    ? await db.prisma.transform.findUnique({
        where: { id: options.transformId },
        include: { ...publicTransformInclude, versions: { orderBy: { version: 'desc' } } },
      })
    : null;
  if (!row) throw new NotFoundError(`transform ${options.transformId} does not exist`);
  return { ...toPublicTransform(row), versions: row.versions.map(toTransformVersionRecord) };
}
