import { NotFoundError } from '@shardline/core';
import { z } from 'zod';
import { type Db, inTransaction } from '../database';
import { parseOrThrow } from '../validation';
import {
  type PublicSourceEvent,
  SOURCE_EVENT_LEVELS,
  type SourceEventLevel,
  toPublicSourceEvent,
} from './source-event';

const MAX_MESSAGE_CHARS = 10_000;

const recordSourceEventSchema = z.object({
  sourceId: z.uuid('sourceId must be a source id'),
  level: z.enum(SOURCE_EVENT_LEVELS, { message: `level must be one of ${SOURCE_EVENT_LEVELS.join(', ')}` }),
  // A whole stack or payload in one event would bloat the table the console lists.
  message: z
    .string()
    .trim()
    .min(1, 'message must not be empty')
    .transform((text) =>
      text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text,
    ),
});

/** Records an event; an error also becomes the source's last error, which its health shows. */
export async function recordSourceEvent(
  db: Db,
  options: { sourceId: string; level: SourceEventLevel; message: string },
): Promise<PublicSourceEvent> {
  const input = parseOrThrow(recordSourceEventSchema, options);
  const source = await db.prisma.source.findUnique({ where: { id: input.sourceId }, select: { id: true } });
  if (!source) throw new NotFoundError(`source ${input.sourceId} does not exist`);
  const event = await inTransaction(db, async (tx) => {
    const created = await tx.prisma.sourceEvent.create({
      data: { sourceId: input.sourceId, level: input.level, message: input.message },
    });
    if (input.level === 'error') {
      await tx.prisma.source.update({
        where: { id: input.sourceId },
        data: { lastErrorMessage: input.message, lastErrorAt: created.at },
      });
    }
    return created;
  });
  return toPublicSourceEvent(event);
}
