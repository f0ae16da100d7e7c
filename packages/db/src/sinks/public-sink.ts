import { parseStreamArn } from '@shardline/core';
import type { Prisma, Sink } from '../generated/prisma/client';

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
  /** Messages go out packed into KPL aggregated records; consumers must deaggregate. */
  aggregateRecords: boolean;
  pausedAt: Date | null;
  pausedBy: string | null;
  /** The transform applied when messages are sent, with its current version; null: none. */
  transform: { id: string; name: string; version: number } | null;
  /** `(message) => boolean` run when a change is read; null: every message is kept. */
  filterSource: string | null;
  /** `(message) => streamArn` picking each message's stream when it is sent; null: `streamArn`. */
  routingSource: string | null;
  /** Messages the filter dropped since the sink was created. */
  filteredCount: bigint;
  createdAt: Date;
  updatedAt: Date;
}

/** What to read with a sink row for toPublicSink: the name and current version of its transform. */
export const publicSinkInclude = {
  transform: { select: { id: true, name: true, currentVersion: true } },
} satisfies Prisma.SinkInclude;

export type SinkWithTransform = Sink & {
  transform: { id: string; name: string; currentVersion: number } | null;
};

export function toPublicSink(sink: SinkWithTransform): PublicSink {
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
    aggregateRecords: sink.aggregateRecords,
    pausedAt: sink.pausedAt,
    pausedBy: sink.pausedBy,
    transform: sink.transform
      ? { id: sink.transform.id, name: sink.transform.name, version: sink.transform.currentVersion }
      : null,
    filterSource: sink.filterSource,
    routingSource: sink.routingSource,
    filteredCount: sink.filteredCount,
    createdAt: sink.createdAt,
    updatedAt: sink.updatedAt,
  };
}
