import { NotFoundError } from '@shardline/core';
import { z } from 'zod';

// Any 8-4-4-4-12 hex id, as Postgres' uuid type takes it.
const sourceIdSchema = z.guid();

/** The `{id}` of a source route; anything but a UUID names no source, so it is a 404 like an unknown one. */
export function readSourceId(params: { id?: string }): string {
  const id = params.id ?? '';
  if (!sourceIdSchema.safeParse(id).success) {
    throw new NotFoundError(
      `no source has the id "${id}": source ids are UUIDs, as GET /api/v1/sources lists them`,
    );
  }
  return id;
}
