import { NotFoundError } from '@shardline/core';
import { sinkExists } from '@shardline/db';
import { database } from '../database';
import { sinkIdOf } from '../sinks/sink-id';

/**
 * The sink id of a route's `{id}` segment, once the sink is known to exist: listing or counting
 * the messages of a sink that does not exist must say so, not answer an empty page.
 */
export async function existingSinkId(params: { id: string }): Promise<string> {
  const sinkId = sinkIdOf(params);
  if (!(await sinkExists(database(), { sinkId }))) throw new NotFoundError(`sink ${sinkId} does not exist`);
  return sinkId;
}
