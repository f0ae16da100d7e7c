import { z } from 'zod';
import { ApiError } from './api-error';

// Any 8-4-4-4-12 hex id, as Postgres' uuid type takes it; the database would fail on anything else.
const uuidSchema = z.guid();

/**
 * The `{id}` of a route for a `noun` (sink, transform…). Anything but a UUID names nothing, so
 * it is a 404 like an unknown id, saying what form ids have.
 */
export function uuidParam(params: Record<string, string | undefined>, noun: string): string {
  const id = params.id;
  if (id === undefined || !uuidSchema.safeParse(id).success) {
    throw new ApiError(
      404,
      'not_found',
      `${noun} ${id ?? ''} does not exist: ${noun} ids are UUIDs such as 3f2b8c1e-5d4a-4b7e-9c61-0a8d2e4f6b13`,
    );
  }
  return id;
}
