import {
  type AlertThresholdField,
  type Database,
  getAlertSettings,
  listSinkAlertThresholds,
  type PerSinkThreshold,
  type SinkThresholdField,
} from '@shardline/db';
import { type AlertThresholds, DEFAULT_ALERT_THRESHOLDS } from './alert-thresholds';

/** The thresholds one evaluation applies: the installation's, and each sink's where it has its own. */
export interface EffectiveThresholds {
  installation: AlertThresholds;
  perSink: Record<SinkThresholdField, PerSinkThreshold>;
}

/**
 * Which threshold applies (docs/alerts.md, "Settings"), the most specific first: the sink's own
 * (set in the console), the installation's set in the console, the engine's environment variable
 * (`fromEnvironment`), the built-in default. Read on every pass, so a change in the console
 * applies from the next evaluation.
 */
export async function loadEffectiveThresholds(
  db: Database,
  fromEnvironment: Partial<AlertThresholds> = {},
): Promise<EffectiveThresholds> {
  const [settings, sinks] = await Promise.all([getAlertSettings(db), listSinkAlertThresholds(db)]);
  const fromConsole = Object.fromEntries(
    Object.entries(settings.thresholds).filter(([, value]) => value !== null),
  ) as Partial<Record<AlertThresholdField, number>>;
  const installation: AlertThresholds = { ...DEFAULT_ALERT_THRESHOLDS, ...fromEnvironment, ...fromConsole };
  const perSinkOf = (field: SinkThresholdField): PerSinkThreshold => ({
    defaultMs: installation[field],
    bySink: new Map(
      sinks.flatMap((sink) => {
        const own = sink.thresholds[field];
        return own === null ? [] : [[sink.sinkId, own] as const];
      }),
    ),
  });
  const perSink: Record<SinkThresholdField, PerSinkThreshold> = {
    groupBlockedMs: perSinkOf('groupBlockedMs'),
    sinkFailingMs: perSinkOf('sinkFailingMs'),
    sinkNotCapturingMs: perSinkOf('sinkNotCapturingMs'),
    sinkThrottledMs: perSinkOf('sinkThrottledMs'),
  };
  return { installation, perSink };
}
