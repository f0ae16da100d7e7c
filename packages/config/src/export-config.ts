import { defaultReplicationName, type InstanceConfiguration } from '@shardline/db';
import { Document } from 'yaml';
import { CONFIG_VERSION } from './config-schema';
import { reference, variableNameFor } from './references';

/** Settings a sink has unless told otherwise: an export leaves them out, as a person would. */
const SINK_DEFAULTS: Record<string, unknown> = {
  backoffCapMs: 180_000,
  maxRecordSizeBytes: 1_048_576,
  laneCount: 4,
  aggregateRecords: false,
};
const TABLE_DEFAULTS: Record<string, unknown> = { schema: 'public', groupColumns: [] };
const SOURCE_DEFAULTS: Record<string, unknown> = { port: 5432, sslMode: 'prefer' };

export interface ExportedConfig {
  /** `shardline.yaml`'s text. */
  text: string;
  /** The environment variables its secrets are references to, which must be set to apply it. */
  variables: string[];
}

/**
 * The instance's configuration as `shardline.yaml`: names instead of ids, defaults and empty
 * values left out, and every secret replaced by a reference to a variable named after what it
 * belongs to (`${SINK_ORDERS_SECRET_ACCESS_KEY}`). Ordered by name, so two exports of the same
 * configuration are the same text.
 */
export function exportConfig(
  instance: InstanceConfiguration,
  options: { schemaUrl?: string } = {},
): ExportedConfig {
  const variables: string[] = [];
  const secret = (kind: string, name: string, field: string, value: string | null) => {
    if (value === null) return undefined;
    const variable = variableNameFor(kind, name, field);
    variables.push(variable);
    return reference(variable);
  };
  const sources = instance.sources.map((source) =>
    compact(
      {
        ...source,
        password: secret('source', source.name, 'password', source.password),
        // The names Shardline derives are left out; others are kept, as apply must use them.
        publicationName:
          source.publicationName === defaultReplicationName(source.name) ? undefined : source.publicationName,
        slotName: source.slotName === defaultReplicationName(source.name) ? undefined : source.slotName,
      },
      SOURCE_DEFAULTS,
    ),
  );
  const transforms = instance.transforms.map((transform) => compact({ ...transform }, { description: '' }));
  const sinks = instance.sinks.map((sink) =>
    compact(
      {
        ...sink,
        accessKeyId: secret('sink', sink.name, 'accessKeyId', sink.accessKeyId),
        secretAccessKey: secret('sink', sink.name, 'secretAccessKey', sink.secretAccessKey),
        tables: sink.tables.map((table) => compact({ ...table }, TABLE_DEFAULTS)),
        annotations: Object.keys(sink.annotations).length === 0 ? undefined : sink.annotations,
        alertThresholds: onlySet(sink.alertThresholds),
      },
      SINK_DEFAULTS,
    ),
  );
  const alerts = compact(
    {
      webhookUrl: secret('alerts', '', 'webhookUrl', instance.alerts.webhookUrl),
      thresholds: onlySet(instance.alerts.thresholds),
    },
    {},
  );
  const document = new Document({
    version: CONFIG_VERSION,
    ...(sources.length ? { sources } : {}),
    ...(transforms.length ? { transforms } : {}),
    ...(sinks.length ? { sinks } : {}),
    // Written only when the console has some: an export of an instance without them leaves them unmanaged.
    ...(Object.keys(alerts).length ? { alerts } : {}),
  });
  document.commentBefore = [
    // Editors with the YAML language server validate and complete the file against it.
    ...(options.schemaUrl ? [` yaml-language-server: $schema=${options.schemaUrl}`] : []),
    ...(variables.length
      ? [
          ' Secrets are references to environment variables; set these to apply this file:',
          ` ${variables.join(', ')}`,
        ]
      : []),
  ].join('\n');
  // Code keeps its lines: written as a block (|), not as one quoted line with \n in it.
  return { text: document.toString({ blockQuote: 'literal', lineWidth: 0 }), variables };
}

/** The thresholds that are set, or nothing when none is. */
function onlySet(thresholds: Record<string, number | null>): Record<string, number> | undefined {
  const set = Object.entries(thresholds).filter((entry): entry is [string, number] => entry[1] !== null);
  return set.length ? Object.fromEntries(set) : undefined;
}

/** `entry` without undefined, null and default values. */
function compact(entry: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entry).filter(
      ([field, value]) =>
        value !== undefined &&
        value !== null &&
        !(field in defaults && JSON.stringify(defaults[field]) === JSON.stringify(value)),
    ),
  );
}
