import { z } from 'zod';
import type { Db } from '../database';
import { parseOrThrow } from '../validation';
import { type PublicSourceEvent, SOURCE_EVENT_LEVELS, toPublicSourceEvent } from './source-event';

const listSourceEventsSchema = z.object({
  sourceId: z.uuid('sourceId must be a source id'),
  levels: z.array(z.enum(SOURCE_EVENT_LEVELS)).min(1).optional(),
  limit: z.int().min(1).max(1000).default(100),
  /** The id of the last event of the previous page, for the next (older) page. */
  before: z
    .string()
    .regex(/^\d+$/, 'before must be an event id')
    .transform((id) => BigInt(id))
    .optional(),
});

export type ListSourceEventsOptions = z.input<typeof listSourceEventsSchema>;

/** A source's events, newest first. */
export async function listSourceEvents(
  db: Db,
  options: ListSourceEventsOptions,
): Promise<PublicSourceEvent[]> {
  const input = parseOrThrow(listSourceEventsSchema, options);
  const events = await db.prisma.sourceEvent.findMany({
    where: {
      sourceId: input.sourceId,
      ...(input.levels ? { level: { in: input.levels } } : {}),
      ...(input.before === undefined ? {} : { id: { lt: input.before } }),
    },
    // Ids grow with insertion, so they order events and page through them with one cursor.
    orderBy: { id: 'desc' },
    take: input.limit,
  });
  return events.map(toPublicSourceEvent);
}
