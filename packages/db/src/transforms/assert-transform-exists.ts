import { ValidationError } from '@shardline/core';
import type { Db } from '../database';

/**
 * A sink may only reference a transform that exists; otherwise the foreign key would fail
 * obscurely. Run inside the transaction that stores the sink: the share lock holds back a delete
 * of the transform until the sink is stored, which that delete then sees and is refused.
 */
export async function assertTransformExists(tx: Db, transformId: string | null | undefined): Promise<void> {
  if (!transformId) return;
  const found = await tx.prisma.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM transform WHERE id = ${transformId}::uuid FOR KEY SHARE`;
  if (found.length === 0) {
    throw new ValidationError(
      `transformId: transform ${transformId} does not exist: choose one of the existing transforms`,
      'transformId',
    );
  }
}
