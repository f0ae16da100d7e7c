import { NotFoundError, parseStreamArn, type SecretBox } from '@shardline/core';
import type { Db } from '../database';
import type { TransformKind } from '../transforms/transform-input';

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
  /** Pack the messages bound for one shard into KPL aggregated records (docs/aggregation.md). */
  aggregateRecords: boolean;
  paused: boolean;
  /** The current version of the sink's transform, applied to each message as it is sent. */
  transform: { id: string; version: number; kind: TransformKind; body: string } | null;
  /** `(message) => streamArn` picking each message's stream as it is sent; null: `streamArn`. */
  routingSource: string | null;
  /**
   * Changes whenever the sink is edited or its transform gets a new version (updateTransform moves
   * the sink's updated_at), so cached clients and compiled transforms are rebuilt.
   */
  version: string;
}

export async function getSinkDeliveryConfig(
  db: Db,
  options: { secretBox: SecretBox; sinkId: string },
): Promise<SinkDeliveryConfig> {
  const sink = await db.prisma.sink.findUnique({
    where: { id: options.sinkId },
    include: { transform: { select: { id: true, versions: currentVersionOnly } } },
  });
  if (!sink) throw new NotFoundError(`sink ${options.sinkId} does not exist`);
  const arn = parseStreamArn(sink.streamArn);
  const transform = sink.transform ? currentTransformOf(sink.transform) : null;
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
    aggregateRecords: sink.aggregateRecords,
    paused: sink.pausedAt !== null,
    transform,
    routingSource: sink.routingSource,
    // The lane lease compares this with the sink's updated_at, which updateTransform moves too.
    version: sink.updatedAt.toISOString(),
  };
}

/**
 * The highest version is the current one: a version is only ever added as current_version + 1,
 * in the transaction that moves current_version. Reading it, rather than matching
 * current_version, keeps version and body together even when an edit commits between Prisma's
 * separate reads of the transform and of its versions.
 */
const currentVersionOnly = {
  select: { version: true, kind: true, body: true },
  orderBy: { version: 'desc' },
  take: 1,
} as const;

function currentTransformOf(transform: {
  id: string;
  versions: Array<{ version: number; kind: TransformKind; body: string }>;
}): NonNullable<SinkDeliveryConfig['transform']> {
  const [current] = transform.versions;
  // Version 1 is created with the transform, and versions are only deleted with it.
  if (!current) throw new Error(`transform ${transform.id} has no version`);
  return { id: transform.id, version: current.version, kind: current.kind, body: current.body };
}
