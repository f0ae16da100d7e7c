import type { Database } from '../database';

export interface SinkThrottlingReport {
  sinkId: string;
  /** The engine process reporting: each engine sends at its own learned rate. */
  engineId: string;
  /** Records a second this engine may send to the sink's stream now, summed over its shards. */
  recordsPerSecond: number;
  /** Shards Kinesis throttled in the last 30 s. */
  shardsAtLimit: string[];
  /** Records Kinesis throttled in the last 30 s. */
  throttledRecords: number;
}

/**
 * Stand-in until the sink health work brings the table this is written to; it keeps the
 * signature the engine calls.
 */
export async function reportSinkThrottling(_db: Database, _report: SinkThrottlingReport): Promise<void> {}
