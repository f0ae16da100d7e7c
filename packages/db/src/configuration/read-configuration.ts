import type { MessageAction, SecretBox } from '@shardline/core';
import type { StoredAlertThresholds, StoredSinkThresholds } from '../alerts/settings/alert-threshold-fields';
import { ALERT_SETTINGS_ID, storedThresholdsOf } from '../alerts/settings/public-alert-settings';
import { storedSinkThresholdsOf } from '../alerts/settings/public-sink-thresholds';
import type { Db } from '../database';
import type { SslMode } from '../sources/ssl-mode';
import type { TransformKind } from '../transforms/transform-input';

/**
 * The instance's configuration by name, as `shardline.yaml` describes it: what plan compares a
 * file with and export writes. Secrets are decrypted, for comparison and for nothing else: the
 * callers mask or replace them before anything leaves the process.
 */
type ChangeAction = Exclude<MessageAction, 'read'>;

export interface InstanceConfiguration {
  sources: Array<{
    name: string;
    host: string;
    port: number;
    database: string;
    username: string;
    password: string | null;
    sslMode: SslMode;
    publicationName: string;
    slotName: string;
  }>;
  transforms: Array<{ name: string; kind: TransformKind; description: string; body: string }>;
  sinks: Array<{
    name: string;
    source: string | null;
    streamArn: string;
    endpoint: string | null;
    accessKeyId: string | null;
    secretAccessKey: string | null;
    tables: Array<{ schema: string; name: string; actions: ChangeAction[]; groupColumns: string[] }>;
    filter: string | null;
    routing: string | null;
    transform: string | null;
    backoffCapMs: number;
    maxAttempts: number | null;
    maxRecordSizeBytes: number;
    laneCount: number;
    aggregateRecords: boolean;
    annotations: Record<string, string>;
    /** The sink's own alert thresholds; null where it uses the installation's. */
    alertThresholds: StoredSinkThresholds;
  }>;
  /** The installation's alert settings made in the console (null where none is set). */
  alerts: { webhookUrl: string | null; thresholds: StoredAlertThresholds };
}

/** Every source, transform and sink, ordered by name so that an export is stable. */
export async function readConfiguration(
  db: Db,
  options: { secretBox: SecretBox },
): Promise<InstanceConfiguration> {
  const decrypt = (ciphertext: string | null) =>
    ciphertext === null ? null : options.secretBox.decrypt(ciphertext);
  const [sources, transforms, sinks, alertSettings] = await Promise.all([
    db.prisma.source.findMany({ orderBy: { name: 'asc' } }),
    db.prisma.transform.findMany({
      orderBy: { name: 'asc' },
      include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
    }),
    db.prisma.sink.findMany({
      orderBy: { name: 'asc' },
      include: {
        source: { select: { name: true } },
        transform: { select: { name: true } },
        tables: { orderBy: [{ tableSchema: 'asc' }, { tableName: 'asc' }] },
        alertThresholds: true,
      },
    }),
    db.prisma.alertSettings.findUnique({ where: { id: ALERT_SETTINGS_ID } }),
  ]);
  return {
    sources: sources.map((source) => ({
      name: source.name,
      host: source.host,
      port: source.port,
      database: source.database,
      username: source.username,
      password: decrypt(source.passwordCiphertext),
      sslMode: source.sslMode as SslMode,
      publicationName: source.publicationName,
      slotName: source.slotName,
    })),
    transforms: transforms.flatMap((transform) => {
      // The highest version is the current one (see getSinkDeliveryConfig).
      const [current] = transform.versions;
      return current
        ? [
            {
              name: transform.name,
              kind: current.kind,
              description: transform.description,
              body: current.body,
            },
          ]
        : [];
    }),
    sinks: sinks.map((sink) => ({
      name: sink.name,
      source: sink.source?.name ?? null,
      streamArn: sink.streamArn,
      endpoint: sink.endpoint,
      accessKeyId: sink.accessKeyId,
      secretAccessKey: decrypt(sink.secretAccessKeyCiphertext),
      tables: sink.tables.map((table) => ({
        schema: table.tableSchema,
        name: table.tableName,
        // A sink table only ever holds change actions: `read` is a backfill's.
        actions: table.actions as ChangeAction[],
        groupColumns: table.groupColumns,
      })),
      filter: sink.filterSource,
      routing: sink.routingSource,
      transform: sink.transform?.name ?? null,
      backoffCapMs: sink.backoffCapMs,
      maxAttempts: sink.maxAttempts,
      maxRecordSizeBytes: sink.maxRecordSizeBytes,
      laneCount: sink.laneCount,
      aggregateRecords: sink.aggregateRecords,
      annotations: sink.annotations as Record<string, string>,
      alertThresholds: storedSinkThresholdsOf(sink.alertThresholds),
    })),
    alerts: {
      webhookUrl: decrypt(alertSettings?.webhookUrlCiphertext ?? null),
      thresholds: storedThresholdsOf(alertSettings),
    },
  };
}
