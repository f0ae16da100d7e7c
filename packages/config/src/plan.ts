import { isDeepStrictEqual } from 'node:util';
import { ALERT_THRESHOLD_FIELDS, SINK_THRESHOLD_FIELDS } from '@shardline/db';
import { type Configuration, SECRET_FIELDS } from './config-schema';

export const ENTRY_KINDS = ['source', 'transform', 'sink'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const LISTS = { source: 'sources', transform: 'transforms', sink: 'sinks' } as const satisfies Record<
  EntryKind,
  keyof Configuration
>;

/** One field that differs; a secret's values are never shown, only that it changes. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface PlannedChange {
  action: 'create' | 'update' | 'delete';
  /** `alerts` is the installation's alert settings, one object named `settings`. */
  kind: EntryKind | 'alerts';
  name: string;
  /** For an update, what changes; for a create or delete, every field it has. */
  fields: FieldChange[];
}

/** Shown instead of a secret's value. */
export const SECRET_MASK = '(secret)';

/**
 * What applying `desired` to an instance configured as `current` would do, entry by entry and
 * field by field, in the order apply does it: creations (sources, then transforms, then sinks,
 * which need both), updates, then deletions (sinks first). Both sides have their defaults filled
 * in and their secrets in clear, so equal settings compare equal however they were written.
 */
export function planChanges(desired: Configuration, current: Configuration): PlannedChange[] {
  const creates: PlannedChange[] = [];
  const updates: PlannedChange[] = [];
  const deletes: PlannedChange[] = [];
  for (const kind of ENTRY_KINDS) {
    const list = LISTS[kind];
    const now = new Map<string, Record<string, unknown>>(
      current[list].map((entry) => [entry.name, { ...entry }]),
    );
    const wanted = new Map<string, Record<string, unknown>>(
      desired[list].map((entry) => [entry.name, { ...entry }]),
    );
    for (const [name, entry] of wanted) {
      const existing = now.get(name);
      if (!existing) {
        creates.push({ action: 'create', kind, name, fields: diffFields(kind, {}, entry) });
        continue;
      }
      const fields = diffFields(kind, existing, entry);
      if (fields.length > 0) updates.push({ action: 'update', kind, name, fields });
    }
    for (const [name, entry] of now) {
      if (!wanted.has(name))
        deletes.push({ action: 'delete', kind, name, fields: diffFields(kind, entry, {}) });
    }
  }
  const alerts = desired.alerts === undefined ? [] : diffAlerts(desired.alerts, current.alerts);
  return [...creates, ...updates, ...alerts, ...deletes.reverse()];
}

type AlertSettings = NonNullable<Configuration['alerts']>;

/** The installation's alert settings, when the file has them: every threshold it leaves out is unset. */
function diffAlerts(desired: AlertSettings, current: AlertSettings | undefined): PlannedChange[] {
  const fields: FieldChange[] = [];
  const before = normalise(current?.webhookUrl);
  const after = normalise(desired.webhookUrl);
  if (before !== after) {
    fields.push({
      field: 'webhookUrl',
      from: before === null ? null : SECRET_MASK,
      to: after === null ? null : SECRET_MASK,
    });
  }
  fields.push(
    ...diffThresholds(
      'thresholds',
      Object.keys(ALERT_THRESHOLD_FIELDS),
      current?.thresholds,
      desired.thresholds,
    ),
  );
  return fields.length === 0 ? [] : [{ action: 'update', kind: 'alerts', name: 'settings', fields }];
}

/** Thresholds one by one (`thresholds.sinkFailingMs`); absent means unset. */
function diffThresholds(
  prefix: string,
  names: readonly string[],
  from: Record<string, number | null | undefined> | undefined,
  to: Record<string, number | null | undefined> | undefined,
): FieldChange[] {
  return names.flatMap((name) => {
    const before = normalise(from?.[name]);
    const after = normalise(to?.[name]);
    return before === after ? [] : [{ field: `${prefix}.${name}`, from: before, to: after }];
  });
}

function diffFields(
  kind: EntryKind,
  from: Record<string, unknown>,
  to: Record<string, unknown>,
): FieldChange[] {
  const secrets: readonly string[] = (SECRET_FIELDS as Record<string, readonly string[]>)[LISTS[kind]] ?? [];
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (field === 'name') continue;
    const before = normalise(from[field]);
    const after = normalise(to[field]);
    if (isDeepStrictEqual(before, after)) continue;
    if (secrets.includes(field)) {
      changes.push({
        field,
        from: before === null ? null : SECRET_MASK,
        to: after === null ? null : SECRET_MASK,
      });
    } else if (field === 'alertThresholds') {
      changes.push(
        ...diffThresholds(
          field,
          SINK_THRESHOLD_FIELDS,
          (before as Record<string, number | null> | null) ?? undefined,
          (after as Record<string, number | null> | null) ?? undefined,
        ),
      );
    } else if (field === 'tables' && Array.isArray(before ?? []) && Array.isArray(after ?? [])) {
      changes.push(...diffTables((before ?? []) as TableEntry[], (after ?? []) as TableEntry[]));
    } else {
      changes.push({ field, from: before, to: after });
    }
  }
  return changes;
}

interface TableEntry {
  schema: string;
  name: string;
  [field: string]: unknown;
}

/** Tables by their qualified name: `tables[public.orders].actions`, not a whole list replaced. */
function diffTables(from: TableEntry[], to: TableEntry[]): FieldChange[] {
  const key = (table: TableEntry) => `${table.schema}.${table.name}`;
  const before = new Map(from.map((table) => [key(table), table]));
  const after = new Map(to.map((table) => [key(table), table]));
  const changes: FieldChange[] = [];
  for (const [name, table] of after) {
    const existing = before.get(name);
    if (!existing) {
      changes.push({ field: `tables[${name}]`, from: null, to: table });
      continue;
    }
    for (const field of Object.keys(table)) {
      if (!isDeepStrictEqual(existing[field], table[field])) {
        changes.push({ field: `tables[${name}].${field}`, from: existing[field], to: table[field] });
      }
    }
  }
  for (const [name, table] of before) {
    if (!after.has(name)) changes.push({ field: `tables[${name}]`, from: table, to: null });
  }
  return changes;
}

/** Absent and null mean the same: no value. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : value;
}
