import { ConflictError, type SecretBox } from '@shardline/core';
import type { Database } from '../database';
import { parseOrThrow } from '../validation';
import { type PublicSource, toPublicSource } from './public-source';
import { type CreateSourceInput, createSourceInputSchema } from './source-input';

/** Stores a source's settings; checking that the database is ready is checkSource's job (capture). */
export async function createSource(
  db: Database,
  options: { secretBox: SecretBox; input: CreateSourceInput },
): Promise<PublicSource> {
  const input = parseOrThrow(createSourceInputSchema, options.input);
  const existing = await db.prisma.source.findUnique({ where: { name: input.name }, select: { id: true } });
  if (existing) throw new ConflictError(`a source named "${input.name}" already exists`, 'name');

  // Two readers on one slot would each take changes away from the other.
  const sameSlot = await db.prisma.source.findFirst({
    where: { host: input.host, port: input.port, database: input.database, slotName: input.slotName },
    select: { name: true },
  });
  if (sameSlot) {
    throw new ConflictError(
      `the source "${sameSlot.name}" already reads database ${input.database} through the slot ` +
        `"${input.slotName}": give this source a slot of its own`,
      'slotName',
    );
  }

  try {
    const source = await db.prisma.source.create({
      data: {
        name: input.name,
        host: input.host,
        port: input.port,
        database: input.database,
        username: input.username,
        passwordCiphertext: input.password === null ? null : options.secretBox.encrypt(input.password),
        sslMode: input.sslMode,
        publicationName: input.publicationName,
        slotName: input.slotName,
      },
    });
    return toPublicSource(source);
  } catch (error) {
    // Someone created one with the same name between the check and the insert.
    if ((error as { code?: string }).code === 'P2002') {
      throw new ConflictError(`a source named "${input.name}" already exists`, 'name');
    }
    throw error;
  }
}
