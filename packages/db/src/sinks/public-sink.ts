import { parseStreamArn } from '@shardline/core';
import type { Sink } from '../generated/prisma/client';

/** A sink as it may be shown: whether a secret is set, never the secret. */
export interface PublicSink {
  id: string;
  name: string;
  streamArn: string;
  region: string;
  accessKeyId: string | null;
  hasSecretAccessKey: boolean;
  endpoint: string | null;
  backoffCapMs: number;
  maxAttempts: number | null;
  maxRecordSizeBytes: number;
  laneCount: number;
  pausedAt: Date | null;
  pausedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toPublicSink(sink: Sink): PublicSink {
  return {
    id: sink.id,
    name: sink.name,
    streamArn: sink.streamArn,
    region: parseStreamArn(sink.streamArn)?.region ?? '',
    accessKeyId: sink.accessKeyId,
    hasSecretAccessKey: sink.secretAccessKeyCiphertext !== null,
    endpoint: sink.endpoint,
    backoffCapMs: sink.backoffCapMs,
    maxAttempts: sink.maxAttempts,
    maxRecordSizeBytes: sink.maxRecordSizeBytes,
    laneCount: sink.laneCount,
    pausedAt: sink.pausedAt,
    pausedBy: sink.pausedBy,
    createdAt: sink.createdAt,
    updatedAt: sink.updatedAt,
  };
}
