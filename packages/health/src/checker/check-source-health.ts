import { publishSourceTables, readSourceHealthFacts } from '@shardline/capture';
import type { SecretBox } from '@shardline/core';
import {
  type CheckedTable,
  type Database,
  getSourceCheckSubject,
  type PublicSource,
  recordSourceCheck,
  recordSourceEvent,
  type SourceCheckResult,
} from '@shardline/db';
import type pg from 'pg';
import type { Logger } from 'pino';

/**
 * Checks a source with its saved settings: the connection, its sinks' tables (exist, keys,
 * published) and its slot, and records what was found. A chosen table that exists but is not in
 * the publication (it was created after the sink was saved) is added to it, and a source event
 * says so: that is how such a sink starts capturing without a restart.
 */
export async function checkSourceHealth(
  options: { db: Database; secretBox: SecretBox; logger: Logger; timeoutMs: number },
  sourceId: string,
): Promise<SourceCheckResult> {
  const { db } = options;
  const subject = await getSourceCheckSubject(db, { secretBox: options.secretBox, sourceId });
  const { source, clientConfig } = subject;
  const tables = new Map<string, { schema: string; name: string }>();
  for (const sink of subject.sinks) {
    for (const table of sink.tables) tables.set(`${table.schema}.${table.name}`, table);
  }
  const result = await readSourceHealthFacts(clientConfig, {
    publicationName: source.publicationName,
    slotName: source.slotName,
    tables: [...tables.values()],
    timeoutMs: options.timeoutMs,
  });
  if (result.connected) {
    result.tables = await publishMissingTables(options, subject.source, clientConfig, result.tables);
  }
  await recordSourceCheck(db, {
    sourceId,
    settingsVersion: subject.settingsVersion,
    sinkVersions: Object.fromEntries(subject.sinks.map((sink) => [sink.sinkId, sink.tablesVersion])),
    result,
  });
  return result;
}

async function publishMissingTables(
  options: { db: Database; logger: Logger },
  source: PublicSource,
  clientConfig: pg.ClientConfig,
  tables: CheckedTable[],
): Promise<CheckedTable[]> {
  const missing = tables.filter(
    (table) => table.published === false && (table.kind === 'r' || table.kind === 'p'),
  );
  if (missing.length === 0) return tables;
  const names = missing.map((table) => `${table.schema}.${table.name}`);
  try {
    const { tablesAdded } = await publishSourceTables(options.db, { source, clientConfig, tables: missing });
    if (tablesAdded.length > 0) {
      const list = tablesAdded.join(', ');
      await recordSourceEvent(options.db, {
        sourceId: source.id,
        // A warning, shown on the source: what was written before the table was added was not captured.
        level: 'warning',
        message:
          `Added ${list} to the publication "${source.publicationName}": ${tablesAdded.length === 1 ? 'the table a sink takes exists now' : 'tables sinks take exist now'}, ` +
          'so its changes are captured from here on. Rows written before are sent by a backfill.',
      });
      options.logger.info(
        { sourceId: source.id, source: source.name, tables: tablesAdded },
        'added tables to the publication',
      );
    }
    // Added now, or by someone else meanwhile: either way published.
    return tables.map((table) =>
      names.includes(`${table.schema}.${table.name}`) ? { ...table, published: true } : table,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.logger.warn(
      { sourceId: source.id, source: source.name, err: error },
      'could not add tables to the publication',
    );
    return tables.map((table) =>
      names.includes(`${table.schema}.${table.name}`) ? { ...table, publishError: message } : table,
    );
  }
}
