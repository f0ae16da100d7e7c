/** When a condition becomes an alert (docs/alerts.md). Oversize messages alert at once. */
export interface AlertThresholds {
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

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  groupBlockedMs: 10 * 60_000,
  sinkFailingMs: 5 * 60_000,
  sinkNotCapturingMs: 60_000,
  sinkThrottledMs: 10 * 60_000,
  sourceLagBytes: 1024 ** 3,
  sourceStalledMs: 5 * 60_000,
};
