import { ConflictError } from '@shardline/core';

/** A name is how a person picks a transform for a sink, so two transforms may not share one. */
export function transformNameTaken(name: string): ConflictError {
  return new ConflictError(`a transform named "${name}" already exists: choose another name`, 'name');
}
