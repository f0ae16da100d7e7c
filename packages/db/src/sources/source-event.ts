import type { SourceEvent } from '../generated/prisma/client';

export const SOURCE_EVENT_LEVELS = ['info', 'warning', 'error'] as const;
export type SourceEventLevel = (typeof SOURCE_EVENT_LEVELS)[number];

/** Something about a source worth a person's attention: a truncate, a lost connection, a bad setting. */
export interface PublicSourceEvent {
  /** A bigint in the database; a string so it survives JSON. */
  id: string;
  sourceId: string;
  level: SourceEventLevel;
  message: string;
  at: Date;
}

export function toPublicSourceEvent(event: SourceEvent): PublicSourceEvent {
  return {
    id: event.id.toString(),
    sourceId: event.sourceId,
    level: event.level as SourceEventLevel,
    message: event.message,
    at: event.at,
  };
}
