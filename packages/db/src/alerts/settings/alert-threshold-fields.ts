import { z } from 'zod';

/**
 * Every alert threshold (docs/alerts.md, "Settings"): the engine's environment variable that sets
 * its installation-wide default, the built-in default when that is unset, and the range an admin
 * may set in the console. Sink thresholds may also be set per sink.
 */
export const ALERT_THRESHOLD_FIELDS = {
  groupBlockedMs: {
    scope: 'sink',
    unit: 'ms',
    variable: 'SHARDLINE_ALERT_GROUP_BLOCKED_MS',
    builtInDefault: 10 * 60_000,
  },
  sinkFailingMs: {
    scope: 'sink',
    unit: 'ms',
    variable: 'SHARDLINE_ALERT_SINK_FAILING_MS',
    builtInDefault: 5 * 60_000,
  },
  sinkNotCapturingMs: {
    scope: 'sink',
    unit: 'ms',
    variable: 'SHARDLINE_ALERT_SINK_NOT_CAPTURING_MS',
    builtInDefault: 60_000,
  },
  sinkThrottledMs: {
    scope: 'sink',
    unit: 'ms',
    variable: 'SHARDLINE_ALERT_SINK_THROTTLED_MS',
    builtInDefault: 10 * 60_000,
  },
  sourceLagBytes: {
    scope: 'source',
    unit: 'bytes',
    variable: 'SHARDLINE_ALERT_SOURCE_LAG_BYTES',
    builtInDefault: 1024 ** 3,
  },
  sourceStalledMs: {
    scope: 'source',
    unit: 'ms',
    variable: 'SHARDLINE_ALERT_SOURCE_STALLED_MS',
    builtInDefault: 5 * 60_000,
  },
} as const satisfies Record<
  string,
  { scope: 'sink' | 'source'; unit: 'ms' | 'bytes'; variable: string; builtInDefault: number }
>;

export type AlertThresholdField = keyof typeof ALERT_THRESHOLD_FIELDS;
export const SINK_THRESHOLD_FIELDS = [
  'groupBlockedMs',
  'sinkFailingMs',
  'sinkNotCapturingMs',
  'sinkThrottledMs',
] as const satisfies AlertThresholdField[];
export type SinkThresholdField = (typeof SINK_THRESHOLD_FIELDS)[number];

/**
 * What the console accepts. At least a second: engines evaluate every 15 s by default, so a
 * shorter threshold alerts at the next evaluation anyway. At most a week: an alert later than
 * that tells nobody anything in time. The WAL limit: from 1 MiB to 1 TiB.
 */
export const THRESHOLD_LIMITS: Record<'ms' | 'bytes', { min: number; max: number }> = {
  ms: { min: 1_000, max: 7 * 24 * 3_600_000 },
  bytes: { min: 1024 ** 2, max: 1024 ** 4 },
};

function thresholdSchema(unit: 'ms' | 'bytes') {
  const { min, max } = THRESHOLD_LIMITS[unit];
  const words =
    unit === 'ms'
      ? { min: 'at least 1,000 ms (1 s)', max: 'at most 604,800,000 ms (7 days)' }
      : { min: 'at least 1,048,576 bytes (1 MiB)', max: 'at most 1,099,511,627,776 bytes (1 TiB)' };
  return z
    .number({ error: `must be a whole number of ${unit === 'ms' ? 'milliseconds' : 'bytes'}, or null` })
    .int(`must be a whole number of ${unit === 'ms' ? 'milliseconds' : 'bytes'}`)
    .min(min, `must be ${words.min}`)
    .max(max, `must be ${words.max}`)
    .nullable()
    .optional();
}

function strict<F extends AlertThresholdField>(fields: readonly F[]) {
  const shape = Object.fromEntries(
    fields.map((field) => [field, thresholdSchema(ALERT_THRESHOLD_FIELDS[field].unit)]),
  ) as { [K in F]: ReturnType<typeof thresholdSchema> };
  return z.strictObject(shape, {
    // Strict, so a mistyped name is refused instead of silently changing nothing.
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.map((key) => `"${key}"`).join(', ')} is not a threshold here: they are ${fields.join(', ')}`
        : undefined,
  });
}

/** Installation-wide thresholds: a number sets one, null returns it to the engine's variable, left out keeps it. */
export const alertThresholdsInputSchema = strict(
  Object.keys(ALERT_THRESHOLD_FIELDS) as AlertThresholdField[],
);
/** A sink's own thresholds: a number sets one, null returns it to the installation's, left out keeps it. */
export const sinkThresholdsInputSchema = strict(SINK_THRESHOLD_FIELDS);

/** Thresholds as stored: null where none is set at this level. */
export type StoredAlertThresholds = Record<AlertThresholdField, number | null>;
export type StoredSinkThresholds = Record<SinkThresholdField, number | null>;
