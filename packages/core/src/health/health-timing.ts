/**
 * How fresh the facts behind a health verdict must be. One set, used wherever health is decided
 * (the API, the metrics, the alerts), so they never disagree.
 */
export const HEALTH_TIMING = {
  /** A reader not seen for longer (it notes progress, or that it is caught up, every few seconds) is not reading. */
  readerSilentMs: 30_000,
  /** A source's first reader may take this long to start before its absence is a problem. */
  readerStartGraceMs: 30_000,
  /** A check older than this means no engine is checking any more. */
  checkStaleMs: 60_000,
  /** A delivery accepted more recently than this proves the stream takes records: no DescribeStreamSummary needed. */
  deliveryProvesStreamMs: 30_000,
  /**
   * An engine's throttling report (sent every few seconds while Kinesis throttles a sink) older
   * than this says nothing: the engine stopped, or stopped sending to the sink.
   */
  throttleReportFreshMs: 30_000,
  /** WAL a running reader may be behind by and still be keeping up. */
  lagBytes: 256 * 1024 * 1024,
} as const;
