import { z } from 'zod';
import { ApiError } from '../api/api-error';

// Any 8-4-4-4-12 hex id, as Postgres accepts it; the database would fail on anything else.
const transformIdSchema = z.guid();

/** The transform id of a route's `{id}` segment; a 404 naming the expected form when it cannot be one. */
export function transformIdOf(params: Record<string, string | undefined>): string {
  const id = params.id;
  if (id === undefined || !transformIdSchema.safeParse(id).success) {
    throw new ApiError(
      404,
      'not_found',
      `transform ${id ?? ''} does not exist: transform ids are UUIDs such as 3f2b8c1e-5d4a-4b7e-9c61-0a8d2e4f6b13`,
    );
  }
  return id;
}
