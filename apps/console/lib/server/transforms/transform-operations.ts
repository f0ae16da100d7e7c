import {
  createTransform,
  type createTransformInputSchema,
  deleteTransform,
  getTransform,
  updateTransform,
  type updateTransformInputSchema,
} from '@shardline/db';
import type { z } from 'zod';
import { database } from '../database';
import { assertTransformCompiles } from './transform-definition';

/** Saving a transform, whoever asks: only code that compiles is saved. */
export async function createTransformChecked(
  input: z.output<typeof createTransformInputSchema>,
  options: { by: string },
) {
  await assertTransformCompiles(input, 'body');
  const created = await createTransform(database(), { input, by: options.by });
  // Answered as GET /transforms/{id} answers it, with its (one) version.
  return { transform: await getTransform(database(), { transformId: created.id }) };
}

/** A new version, checked with the kind and body it will run with. */
export async function updateTransformChecked(
  transformId: string,
  input: z.output<typeof updateTransformInputSchema>,
  options: { by: string },
) {
  if (input.kind !== undefined || input.body !== undefined) {
    // A new kind is checked with the body it will run with, and a new body with the kind.
    const current = await getTransform(database(), { transformId });
    await assertTransformCompiles(
      { kind: input.kind ?? current.kind, body: input.body ?? current.body },
      input.body === undefined ? 'kind' : 'body',
    );
  }
  await updateTransform(database(), { transformId, input, by: options.by });
  return { transform: await getTransform(database(), { transformId }) };
}

export async function deleteTransformRecorded(transformId: string, options: { by: string }) {
  await deleteTransform(database(), { transformId, by: options.by });
  return { deleted: true };
}
