import type { AlertSettings } from '../../generated/prisma/client';
import type { StoredAlertThresholds } from './alert-threshold-fields';

/**
 * The installation's alert settings as the API returns them. The webhook's URL is write-only:
 * only whether one is set and its host are ever shown (its path is its secret).
 */
export interface PublicAlertSettings {
  webhook: { set: boolean; host: string | null };
  /** Null where the console sets none: the engine's environment variable applies. */
  thresholds: StoredAlertThresholds;
  /** When and by whom they were last changed; null before any change. */
  updatedAt: Date | null;
  updatedBy: string | null;
}

export function toPublicAlertSettings(row: AlertSettings | null): PublicAlertSettings {
  return {
    webhook: {
      set: Boolean(row?.webhookUrlCiphertext),
      host: row?.webhookUrlCiphertext ? row.webhookHost : null,
    },
    thresholds: storedThresholdsOf(row),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export function storedThresholdsOf(row: AlertSettings | null): StoredAlertThresholds {
  return {
    groupBlockedMs: row?.groupBlockedMs ?? null,
    sinkFailingMs: row?.sinkFailingMs ?? null,
    sinkNotCapturingMs: row?.sinkNotCapturingMs ?? null,
    sinkThrottledMs: row?.sinkThrottledMs ?? null,
    sourceLagBytes: row?.sourceLagBytes == null ? null : Number(row.sourceLagBytes),
    sourceStalledMs: row?.sourceStalledMs ?? null,
  };
}

/** The settings row's id: there is one row at most. */
export const ALERT_SETTINGS_ID = 1;
