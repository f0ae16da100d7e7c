import { uuidParam } from '../api/uuid-param';

/** The sink id of a route's `{id}` segment; a 404 naming the expected form when it cannot be one. */
export function sinkIdOf(params: Record<string, string | undefined>): string {
  return uuidParam(params, 'sink');
}
