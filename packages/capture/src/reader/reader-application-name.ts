/**
 * The `application_name` of a source reader's connections: it names the source, so the slot check
 * can tell Shardline's own reader of a slot (pg_stat_activity of the slot's active pid) from
 * another program's. Postgres keeps 63 bytes of it; with a UUID this is 53.
 */
const READER_PREFIX = 'shardline-reader';

export function readerApplicationName(sourceId: string): string {
  return `${READER_PREFIX} ${sourceId}`;
}

/** Whether an application name is a Shardline reader's, and of which source. */
export function readerOfApplicationName(name: string | null): { sourceId: string } | null {
  if (!name?.startsWith(`${READER_PREFIX} `)) return null;
  return { sourceId: name.slice(READER_PREFIX.length + 1) };
}
