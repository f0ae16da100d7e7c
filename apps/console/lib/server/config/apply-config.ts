import {
  type ConfigError,
  type ConfigPath,
  type Configuration,
  type EntryKind,
  InvalidConfigError,
  type PlannedChange,
  parseConfig,
  planChanges,
  type SinkConfig,
} from '@shardline/config';
import {
  countMessages,
  createSinkInputSchema,
  createSourceInputSchema,
  createTransformInputSchema,
  type InstanceConfiguration,
  parseOrThrow,
  readConfiguration,
  readConfigurationIds,
  recordAuditEvent,
  updateSinkAlertThresholds,
  updateSinkInputSchema,
  updateSourceInputSchema,
  updateTransformInputSchema,
  withConfigurationLock,
} from '@shardline/db';
import { updateAlertSettingsChecked } from '../alerts/alert-settings-operations';
import { ApiError } from '../api/api-error';
import { describeKnownError } from '../api/error-response';
import { database } from '../database';
import { secretBox } from '../env';
import { createSinkChecked, deleteSinkAndCleanUp, updateSinkChecked } from '../sinks/sink-operations';
import {
  createSourceChecked,
  deleteSourceAndCleanUp,
  updateSourceChecked,
} from '../sources/source-operations';
import {
  createTransformChecked,
  deleteTransformRecorded,
  updateTransformChecked,
} from '../transforms/transform-operations';
import {
  SINK_API_FIELDS,
  sinkInput,
  sourceInput,
  thresholdsInput,
  transformInput,
} from './config-step-inputs';

export interface ConfigRequest {
  /** The file's text. */
  file: string;
  /** The values of the environment variables the file refers to. */
  variables: Record<string, string>;
  /** Delete what the instance has and the file does not; without it such things are kept. */
  deleteMissing: boolean;
}

export interface ConfigPlan {
  /** What applying would do, in order. */
  changes: PlannedChange[];
  /** Deletions the file implies that apply leaves alone without `deleteMissing`. */
  kept: PlannedChange[];
}

const LISTS = { source: 'sources', transform: 'transforms', sink: 'sinks' } as const satisfies Record<
  EntryKind,
  keyof Configuration
>;

/** What applying the file would change, field by field, changing nothing. */
export async function planConfig(request: ConfigRequest): Promise<ConfigPlan> {
  const { changes, kept } = await prepare(request);
  return { changes, kept };
}

/**
 * Makes the instance match the file, all or nothing: the file is checked whole first; then each
 * change goes through the same checks as the REST API's request for it; if one fails, the steps
 * already done are undone in reverse order (what was created is deleted, what was edited gets
 * its settings back) and the error says which entry, on which line, and why.
 */
export async function applyConfig(
  request: ConfigRequest,
  options: { by: string; force: boolean },
): Promise<ConfigPlan> {
  return withConfigurationLock(database(), () => applyLocked(request, options));
}

async function applyLocked(
  request: ConfigRequest,
  options: { by: string; force: boolean },
): Promise<ConfigPlan> {
  const prepared = await prepare(request);
  if (!options.force) await refuseDeletingUndelivered(prepared.changes);
  const done: PlannedChange[] = [];
  for (const change of prepared.changes) {
    try {
      await runStep(change, prepared.desired, options);
      done.push(change);
    } catch (error) {
      const undone = await undoSteps(done, prepared.current, options.by);
      throw stepError(error, change, prepared, undone);
    }
  }
  if (done.length > 0) {
    await recordAuditEvent(database(), {
      actor: options.by,
      action: 'config.apply',
      targetType: 'configuration',
      targetId: 'shardline.yaml',
      details: {
        created: count(done, 'create'),
        updated: count(done, 'update'),
        deleted: count(done, 'delete'),
        changes: done.map(({ action, kind, name, fields }) => ({
          action,
          kind,
          name,
          fields: fields.map(({ field }) => field),
        })),
      },
    });
  }
  return { changes: done, kept: prepared.kept };
}

interface Prepared extends ConfigPlan {
  desired: Configuration;
  current: InstanceConfiguration;
  locate: (path: ConfigPath, message: string) => ConfigError;
}

async function prepare(request: ConfigRequest): Promise<Prepared> {
  const parsed = parseConfig(request.file, request.variables);
  if (!parsed.ok) throw invalidConfig(parsed.errors);
  const current = await readConfiguration(database(), { secretBox: secretBox() });
  const all = planChanges(parsed.configuration, { version: 1, ...current } as Configuration);
  const changes = all.filter((change) => change.action !== 'delete' || request.deleteMissing);
  const kept = all.filter((change) => change.action === 'delete' && !request.deleteMissing);
  return { changes, kept, desired: parsed.configuration, current, locate: parsed.locate };
}

async function runStep(
  change: PlannedChange,
  desired: Configuration,
  options: { by: string; force: boolean },
) {
  const fields = change.action === 'update' ? change.fields.map(({ field }) => field) : undefined;
  if (change.kind === 'alerts') {
    const alerts = desired.alerts;
    return updateAlertSettingsChecked(
      {
        ...(fields?.includes('webhookUrl') ? { webhookUrl: alerts?.webhookUrl ?? null } : {}),
        thresholds: thresholdsInput(alerts?.thresholds, 'thresholds', fields),
      },
      options,
    );
  }
  const ids = await readConfigurationIds(database());
  const id = ids[LISTS[change.kind]].get(change.name) ?? '';
  const entry = desired[LISTS[change.kind]].find(({ name }) => name === change.name);
  switch (`${change.action} ${change.kind}`) {
    case 'create source':
      return createSourceChecked(parseOrThrow(createSourceInputSchema, sourceInput(entry as never)), options);
    case 'update source':
      return updateSourceChecked(
        id,
        parseOrThrow(updateSourceInputSchema, sourceInput(entry as never, fields)),
        options,
      );
    case 'delete source':
      return deleteSourceAndCleanUp(id, options);
    case 'create transform':
      return createTransformChecked(
        parseOrThrow(createTransformInputSchema, transformInput(entry as never)),
        options,
      );
    case 'update transform':
      return updateTransformChecked(
        id,
        parseOrThrow(updateTransformInputSchema, transformInput(entry as never, fields)),
        options,
      );
    case 'delete transform':
      return deleteTransformRecorded(id, options);
    case 'create sink': {
      const created = await createSinkChecked(
        parseOrThrow(createSinkInputSchema, sinkInput(entry as never, ids)),
        options,
      );
      return setSinkThresholds(created.sink.id, entry as SinkConfig, undefined, options);
    }
    case 'update sink': {
      const input = sinkInput(entry as never, ids, fields);
      // Only thresholds may have changed: the sink's own settings are then not touched.
      if (Object.keys(input).length > 0) {
        await updateSinkChecked(id, parseOrThrow(updateSinkInputSchema, input), options);
      }
      return setSinkThresholds(id, entry as SinkConfig, fields, options);
    }
    case 'delete sink':
      // Undelivered messages were refused before any step, unless forced.
      return deleteSinkAndCleanUp(id, { ...options, force: true });
    default:
      throw new Error(`no step for ${change.action} ${change.kind}`);
  }
}

/** A sink's own alert thresholds from the file, when it gives any (or, for an edit, changes any). */
async function setSinkThresholds(
  sinkId: string,
  sink: Pick<SinkConfig, 'alertThresholds'> | undefined,
  fields: readonly string[] | undefined,
  options: { by: string },
) {
  const input = thresholdsInput(sink?.alertThresholds, 'alertThresholds', fields);
  if (Object.keys(input).length === 0) return;
  await updateSinkAlertThresholds(database(), { sinkId, input, by: options.by });
}

/**
 * Undoes what was done, newest first: a created entry is deleted, an edited one gets the
 * settings it had. Deletions come last in a plan, so none is ever to undo. Returns what was
 * undone; an undo that fails is reported, not hidden.
 */
async function undoSteps(
  done: PlannedChange[],
  before: InstanceConfiguration,
  by: string,
): Promise<string[]> {
  const undone: string[] = [];
  for (const change of [...done].reverse()) {
    const what = `${change.action} ${change.kind} ${change.name}`;
    try {
      if (change.action === 'create') {
        const undo: PlannedChange = { ...change, action: 'delete' };
        await runStep(undo, { version: 1, ...before } as Configuration, { by, force: true });
      } else if (change.action === 'update') {
        await runStep(change, { version: 1, ...before } as Configuration, { by, force: true });
      }
      undone.push(`undid ${what}`);
    } catch (error) {
      console.error(`could not undo "${what}" after a failed apply`, error);
      undone.push(`could not undo ${what}: ${describeKnownError(error)?.message ?? 'see the console log'}`);
    }
  }
  return undone;
}

/** A sink the file drops that still has messages to deliver is refused before anything changes. */
async function refuseDeletingUndelivered(changes: PlannedChange[]): Promise<void> {
  const ids = await readConfigurationIds(database());
  for (const change of changes) {
    if (change.action !== 'delete' || change.kind !== 'sink') continue;
    const sinkId = ids.sinks.get(change.name);
    if (!sinkId) continue;
    const counts = await countMessages(database(), { sinkId });
    if (counts.waiting + counts.failing > 0) {
      throw new ApiError(
        409,
        'sink_has_waiting_messages',
        `nothing was applied: the file deletes the sink "${change.name}", which still has ${counts.waiting} waiting and ${counts.failing} failing message(s). Apply with force to delete them undelivered, or wait until they are delivered`,
        undefined,
        { sink: change.name, waiting: counts.waiting, failing: counts.failing },
      );
    }
  }
}

function stepError(error: unknown, change: PlannedChange, prepared: Prepared, undone: string[]): ApiError {
  const known = describeKnownError(error);
  if (!known) {
    console.error(
      `applying the configuration failed at ${change.action} ${change.kind} ${change.name}`,
      error,
    );
  }
  const index =
    change.kind === 'alerts'
      ? -1
      : prepared.desired[LISTS[change.kind]].findIndex(({ name }) => name === change.name);
  const path: ConfigPath =
    change.kind === 'alerts'
      ? ['alerts', ...(known?.field ? [known.field] : [])]
      : index < 0
        ? [LISTS[change.kind]]
        : [LISTS[change.kind], index, ...fieldPath(change.kind, known?.field)];
  const located = prepared.locate(
    path,
    known?.message ?? 'something went wrong on the server; the console log has the details',
  );
  const where = located.line === null ? located.path : `line ${located.line}, ${located.path}`;
  return new ApiError(
    known?.status ?? 500,
    known?.code ?? 'internal',
    `nothing was applied: could not ${change.action} the ${change.kind} "${change.name}" (${where}): ${located.message}`,
    undefined,
    { errors: [located], step: { action: change.action, kind: change.kind, name: change.name }, undone },
  );
}

/** The file's path of a field the API named (`filterSource` is the file's `filter`, `tables.0.name` its `tables[0].name`). */
function fieldPath(kind: EntryKind, field: string | undefined): ConfigPath {
  if (!field) return [];
  const [first = '', ...rest] = field.split('.');
  const fileField =
    kind === 'sink'
      ? (Object.entries(SINK_API_FIELDS).find(([, api]) => api === first)?.[0] ?? first)
      : first;
  return [fileField, ...rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part))];
}

function invalidConfig(errors: ConfigError[]): ApiError {
  return new ApiError(400, 'invalid_config', new InvalidConfigError(errors).message, undefined, { errors });
}

function count(changes: PlannedChange[], action: PlannedChange['action']): number {
  return changes.filter((change) => change.action === action).length;
}
