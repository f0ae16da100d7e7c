import { checkSource } from '@shardline/capture';
import type { SecretBox } from '@shardline/core';
import {
  assertSourcePasswordTarget,
  type Database,
  getSourceConnection,
  listSourceSinkTables,
  type SourceChanges,
  type SslMode,
  sourceClientConfig,
} from '@shardline/db';
import type { SettingsCheckReport } from './check-sink-settings';

/** A source's settings as given to create it (every field) or edit it (what changes). */
export type SourceSettingsToCheck = SourceChanges;

const CONNECTION_FIELDS = [
  'host',
  'port',
  'database',
  'username',
  'password',
  'sslMode',
  'publicationName',
  'slotName',
] as const;

/**
 * The checks run before a source is saved: the source checks (connection, WAL level, replication
 * permission, publication, slot and, on an edit, the tables its sinks take), with the given
 * settings and, on an edit, the saved ones for what is left out (the password included). An edit
 * that changes none of the connection's settings checks nothing.
 */
export async function checkSourceSettings(
  db: Database,
  options: { secretBox: SecretBox; settings: SourceSettingsToCheck; sourceId?: string },
): Promise<SettingsCheckReport> {
  const { settings, sourceId } = options;
  if (sourceId && CONNECTION_FIELDS.every((field) => settings[field] === undefined)) {
    return { ok: true, checks: [] };
  }
  const saved = sourceId ? await getSourceConnection(db, { secretBox: options.secretBox, sourceId }) : null;
  const savedPassword = typeof saved?.clientConfig.password === 'string' ? saved.clientConfig.password : null;
  // The saved password is only ever sent to the host, port, database and user it was saved with.
  if (saved && savedPassword !== null && settings.password === undefined) {
    assertSourcePasswordTarget(saved.source, settings);
  }
  const merged = {
    host: settings.host ?? saved?.source.host ?? '',
    port: settings.port ?? saved?.source.port ?? 5432,
    database: settings.database ?? saved?.source.database ?? '',
    username: settings.username ?? saved?.source.username ?? '',
    password: settings.password === undefined ? savedPassword : settings.password,
    sslMode: (settings.sslMode ?? saved?.source.sslMode ?? 'prefer') as SslMode,
  };
  const report = await checkSource(sourceClientConfig(merged), {
    publicationName: settings.publicationName ?? saved?.source.publicationName ?? '',
    slotName: settings.slotName ?? saved?.source.slotName ?? '',
    tables: sourceId ? await listSourceSinkTables(db, { sourceId }) : [],
    ...(sourceId ? { sourceId } : {}),
  });
  return { ok: report.ok, checks: report.checks };
}
