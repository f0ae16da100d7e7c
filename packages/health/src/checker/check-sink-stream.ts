import { HEALTH_TIMING, type SecretBox } from '@shardline/core';
import {
  type Database,
  getSinkDeliveryConfig,
  getSinkDeliveryEvidence,
  recordSinkCheck,
  type StreamCheckResult,
} from '@shardline/db';
import { connectionHint, type KinesisConnection, testStreamConnection } from '@shardline/kinesis';

/**
 * Checks that the sink's stream takes records with its saved settings, and records what was
 * found. A delivery accepted lately proves it without asking Kinesis; a delivery that failed for
 * the whole stream since (not found, access, credentials, the network) disproves it; otherwise
 * DescribeStreamSummary answers, as "Test connection" does.
 */
export async function checkSinkStream(
  options: { db: Database; secretBox: SecretBox; timeoutMs: number },
  claim: { sinkId: string; version: string },
): Promise<StreamCheckResult> {
  const { db } = options;
  const config = await getSinkDeliveryConfig(db, { secretBox: options.secretBox, sinkId: claim.sinkId });
  const connection: KinesisConnection = {
    streamArn: config.streamArn,
    region: config.region,
    endpoint: config.endpoint,
    credentials: config.credentials,
    requestTimeoutMs: options.timeoutMs,
  };
  const evidence = await getSinkDeliveryEvidence(db, { sinkId: claim.sinkId });
  let result: StreamCheckResult;
  if (evidence.streamFailure) {
    const { code, message } = evidence.streamFailure;
    result = {
      ok: false,
      code,
      message,
      hint: connectionHint({ code, message }, connection),
      via: 'delivery',
    };
  } else if (
    evidence.deliveredAgoMs !== null &&
    evidence.deliveredAgoMs < HEALTH_TIMING.deliveryProvesStreamMs
  ) {
    result = { ok: true };
  } else {
    const test = await testStreamConnection(connection);
    result = test.ok ? { ok: true } : { ok: false, ...test.error, via: 'describe' };
  }
  await recordSinkCheck(db, { sinkId: claim.sinkId, version: claim.version, result });
  return result;
}
