import { z } from 'zod';
import { ApiError } from '../api/api-error';

const uuidSchema = z.guid();

/** The `{backfillId}` of a route; anything but a UUID names no backfill (a 404, like an unknown id). */
export function backfillIdOf(params: { backfillId?: string }): string {
  const id = params.backfillId;
  if (id === undefined || !uuidSchema.safeParse(id).success) {
    throw new ApiError(404, 'not_found', `backfill ${id ?? ''} does not exist: backfill ids are UUIDs`);
  }
  return id;
}
