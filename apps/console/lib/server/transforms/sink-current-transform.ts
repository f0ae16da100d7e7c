import { getSinkCurrentTransform, type TransformVersionRef } from '@shardline/db';
import { database } from '../database';

/** The version of its transform a sink runs now (the highest, as the engine reads it), or null. */
export async function sinkCurrentTransform(sinkId: string): Promise<TransformVersionRef | null> {
  return getSinkCurrentTransform(database(), { sinkId });
}
