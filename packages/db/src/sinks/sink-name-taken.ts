import { ConflictError } from '@shardline/core';

/** A name is how people tell sinks apart, so two sinks may not share one. */
export function sinkNameTaken(name: string): ConflictError {
  return new ConflictError(`a sink named "${name}" already exists: choose another name`, 'name');
}

/** Prisma's code for a unique constraint violation: another writer took the name meanwhile. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

/** Prisma's code for an update or delete of a row that does not exist. */
export function isRecordNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2025';
}
