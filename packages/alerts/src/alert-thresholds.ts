import { ALERT_THRESHOLD_FIELDS, type AlertThresholdField } from '@shardline/db';

/** When a condition becomes an alert (docs/alerts.md). Oversize messages alert at once. */
export interface AlertThresholds extends Record<AlertThresholdField, number> {
  /** A group blocked behind a failing message for longer than this. */
  groupBlockedMs: number;
  /** A sink whose every delivery has failed for longer than this. */
  sinkFailingMs: number;
  /** A sink whose health has been not_capturing for longer than this. */
  sinkNotCapturingMs: number;
  /** A sink Kinesis has throttled (it sends at the stream's limit) for longer than this. */
  sinkThrottledMs: number;
  /** A source whose slot keeps more WAL than this, not yet read. */
  sourceLagBytes: number;
  /** A source whose reader has made no progress (nor said it is caught up) for longer than this. */
  sourceStalledMs: number;
}

/** When nothing sets them (no environment variable, no console setting). */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  groupBlockedMs: ALERT_THRESHOLD_FIELDS.groupBlockedMs.builtInDefault,
  sinkFailingMs: ALERT_THRESHOLD_FIELDS.sinkFailingMs.builtInDefault,
  sinkNotCapturingMs: ALERT_THRESHOLD_FIELDS.sinkNotCapturingMs.builtInDefault,
  sinkThrottledMs: ALERT_THRESHOLD_FIELDS.sinkThrottledMs.builtInDefault,
  sourceLagBytes: ALERT_THRESHOLD_FIELDS.sourceLagBytes.builtInDefault,
  sourceStalledMs: ALERT_THRESHOLD_FIELDS.sourceStalledMs.builtInDefault,
};
