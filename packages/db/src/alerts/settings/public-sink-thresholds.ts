import type { SinkAlertThresholds } from '../../generated/prisma/client';
import type { StoredSinkThresholds } from './alert-threshold-fields';

/** A sink's own alert thresholds: null where it uses the installation's. */
export interface PublicSinkThresholds {
  sinkId: string;
  sinkName: string;
  thresholds: StoredSinkThresholds;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export function storedSinkThresholdsOf(row: SinkAlertThresholds | null): StoredSinkThresholds {
  return {
    groupBlockedMs: row?.groupBlockedMs ?? null,
    sinkFailingMs: row?.sinkFailingMs ?? null,
    sinkNotCapturingMs: row?.sinkNotCapturingMs ?? null,
    sinkThrottledMs: row?.sinkThrottledMs ?? null,
  };
}

export function toPublicSinkThresholds(
  sink: { id: string; name: string },
  row: SinkAlertThresholds | null,
): PublicSinkThresholds {
  return {
    sinkId: sink.id,
    sinkName: sink.name,
    thresholds: storedSinkThresholdsOf(row),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}
