import { NotFoundError, parseStreamArn, type SecretBox } from '@shardline/core';
import type { Database } from '../database';

/** What the engine needs to deliver a sink's messages, secrets decrypted. Never leaves the engine. */
export interface SinkDeliveryConfig {
  id: string;
  name: string;
  streamArn: string;
  region: string;
  endpoint: string | null;
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  backoffCapMs: number;
  maxAttempts: number | null;
  maxRecordSizeBytes: number;
  laneCount: number;
  paused: boolean;
  /** Changes whenever the sink is edited, so cached clients can be rebuilt. */
  version: string;
}

export async function getSinkDeliveryConfig(
  db: Database,
  options: { secretBox: SecretBox; sinkId: string },
): Promise<SinkDeliveryConfig> {
  const sink = await db.prisma.sink.findUnique({ where: { id: options.sinkId } });
  if (!sink) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
  const arn = parseStreamArn(sink.streamArn);
  return {
    id: sink.id,
    name: sink.name,
    streamArn: sink.streamArn,
    region: arn?.region ?? 'us-east-1',
    endpoint: sink.endpoint,
    credentials:
      sink.accessKeyId && sink.secretAccessKeyCiphertext
        ? {
            accessKeyId: sink.accessKeyId,
            secretAccessKey: options.secretBox.decrypt(sink.secretAccessKeyCiphertext),
          }
        : null,
    backoffCapMs: sink.backoffCapMs,
    maxAttempts: sink.maxAttempts,
    maxRecordSizeBytes: sink.maxRecordSizeBytes,
    laneCount: sink.laneCount,
    paused: sink.pausedAt !== null,
    version: sink.updatedAt.toISOString(),
  };
}
