import type { Database } from '../database';
import { isUniqueViolation } from '../sinks/sink-name-taken';
import { parseOrThrow } from '../validation';
import { type PublicTransform, publicTransformInclude, toPublicTransform } from './public-transform';
import { type CreateTransformInput, createTransformInputSchema } from './transform-input';
import { transformNameTaken } from './transform-name-taken';

/** Creates a transform with its first version. `by` is recorded as the version's author. */
export async function createTransform(
  db: Database,
  options: { input: CreateTransformInput; by?: string },
): Promise<PublicTransform> {
  const input = parseOrThrow(createTransformInputSchema, options.input);
  const existing = await db.prisma.transform.findUnique({
    where: { name: input.name },
    select: { id: true },
  });
  if (existing) throw transformNameTaken(input.name);

  const created = await db.prisma.transform
    .create({
      // A nested create: the transform and its version 1 are written in one transaction.
      data: {
        name: input.name,
        description: input.description,
        currentVersion: 1,
        versions: { create: { version: 1, kind: input.kind, body: input.body, createdBy: options.by } },
      },
      include: publicTransformInclude,
    })
    .catch((error: unknown) => {
      // Someone took the name between the check and the insert.
      if (isUniqueViolation(error)) throw transformNameTaken(input.name);
      throw error;
    });
  return toPublicTransform(created);
}
