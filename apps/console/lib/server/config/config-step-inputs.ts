import type { ConfigurationIds, InstanceConfiguration } from '@shardline/db';

type SourceEntry = InstanceConfiguration['sources'][number];
type TransformEntry = InstanceConfiguration['transforms'][number];
type SinkEntry = InstanceConfiguration['sinks'][number];

/**
 * A file's entries (or the instance's, to undo a step) as the REST API's inputs: the same
 * fields, with names turned into ids. Updates carry only the fields the plan says changed.
 */
export function sourceInput(source: SourceEntry, fields?: readonly string[]): Record<string, unknown> {
  return pick({ ...source }, fields);
}

export function transformInput(
  transform: TransformEntry,
  fields?: readonly string[],
): Record<string, unknown> {
  return pick({ ...transform }, fields);
}

export function sinkInput(
  sink: SinkEntry,
  ids: ConfigurationIds,
  fields?: readonly string[],
): Record<string, unknown> {
  // Alert thresholds are saved apart (thresholdsInput): the sink's own API does not take them.
  const {
    source,
    transform,
    filter,
    routing,
    alertThresholds: _thresholds,
    ...settings
  } = sink as SinkEntry & { alertThresholds?: unknown; routing?: string | null };
  const input: Record<string, unknown> = {
    ...settings,
    sourceId: source ? idOf(ids.sources, 'source', source) : null,
    transformId: transform ? idOf(ids.transforms, 'transform', transform) : null,
    filterSource: filter ?? null,
    routingSource: routing ?? null,
  };
  if (!fields) return input;
  const apiFields = new Set(
    fields.flatMap((field) => {
      if (field.startsWith('alertThresholds.')) return [];
      if (field.startsWith('tables')) return ['tables'];
      // Credentials are a pair: both or neither (the API refuses one alone).
      if (field === 'accessKeyId' || field === 'secretAccessKey') return ['accessKeyId', 'secretAccessKey'];
      return [SINK_API_FIELDS[field] ?? field];
    }),
  );
  return pick(input, [...apiFields]);
}

/** A sink's field in the file, by its name in the REST API, where the two differ. */
export const SINK_API_FIELDS: Record<string, string> = {
  source: 'sourceId',
  transform: 'transformId',
  filter: 'filterSource',
  routing: 'routingSource',
};

function idOf(ids: Map<string, string>, kind: string, name: string): string {
  const id = ids.get(name);
  // The file was checked to name only what it defines, and defined things are created first.
  if (!id) throw new Error(`the ${kind} "${name}" has no id: it should have been created before`);
  return id;
}

function pick(entry: Record<string, unknown>, fields?: readonly string[]): Record<string, unknown> {
  if (!fields) return entry;
  return Object.fromEntries(fields.map((field) => [field, entry[field] ?? null]));
}

/**
 * The thresholds a step sets, by name (`alertThresholds.sinkFailingMs` → `sinkFailingMs`), each
 * with its value in `thresholds` (null: unset); every one that is set when `fields` is left out.
 */
export function thresholdsInput(
  thresholds: Record<string, number | null | undefined> | undefined,
  prefix: string,
  fields?: readonly string[],
): Record<string, number | null> {
  const names = fields
    ? fields.filter((field) => field.startsWith(`${prefix}.`)).map((field) => field.slice(prefix.length + 1))
    : Object.keys(thresholds ?? {}).filter((name) => thresholds?.[name] != null);
  return Object.fromEntries(names.map((name) => [name, thresholds?.[name] ?? null]));
}
