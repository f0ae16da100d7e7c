import { ConflictError } from '@shardline/core';

export function accountEmailTaken(email: string): ConflictError {
  return new ConflictError(`an account for ${email} already exists`, 'email');
}
