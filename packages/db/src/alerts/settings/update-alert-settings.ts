import type { SecretBox } from '@shardline/core';
import { actorOf } from '../../audit/audit-actions';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { type Db, inTransaction } from '../../database';
import { parseOrThrow } from '../../validation';
import { type UpdateAlertSettingsInput, updateAlertSettingsInputSchema } from './alert-settings-input';
import {
  ALERT_SETTINGS_ID,
  type PublicAlertSettings,
  storedThresholdsOf,
  toPublicAlertSettings,
} from './public-alert-settings';
import { thresholdChanges } from './threshold-changes';

/**
 * Changes the installation's alert settings and records `alerts.settings_changed` in the same
 * transaction, naming what changed: each threshold from and to, and whether the webhook was set,
 * replaced or removed with its host (never the URL: its path is its secret). Nothing changed,
 * nothing recorded. A URL given always counts as a change: the stored one is never decrypted to
 * compare.
 */
export async function updateAlertSettings(
  db: Db,
  options: { secretBox: SecretBox; input: UpdateAlertSettingsInput; by?: string },
): Promise<PublicAlertSettings> {
  const input = parseOrThrow(updateAlertSettingsInputSchema, options.input);
  const by = actorOf(options.by);
  const row = await inTransaction(db, async (tx) => {
    // Locks the row (when there is one) so two changes at once each see the other's result.
    await tx.prisma.$executeRawUnsafe(
      'SELECT 1 FROM alert_settings WHERE id = $1 FOR UPDATE',
      ALERT_SETTINGS_ID,
    );
    const current = await tx.prisma.alertSettings.findUnique({ where: { id: ALERT_SETTINGS_ID } });
    const thresholds = thresholdChanges(storedThresholdsOf(current), input.thresholds ?? {});
    const hadWebhook = Boolean(current?.webhookUrlCiphertext);
    const webhook =
      input.webhookUrl === undefined || (input.webhookUrl === null && !hadWebhook)
        ? null
        : input.webhookUrl === null
          ? { change: 'removed' as const, host: current?.webhookHost ?? null }
          : {
              change: hadWebhook ? ('replaced' as const) : ('set' as const),
              host: new URL(input.webhookUrl).host,
            };
    if (!webhook && Object.keys(thresholds).length === 0) return current;

    const webhookData =
      webhook === null
        ? {}
        : input.webhookUrl
          ? { webhookUrlCiphertext: options.secretBox.encrypt(input.webhookUrl), webhookHost: webhook.host }
          : { webhookUrlCiphertext: null, webhookHost: null };
    const thresholdData = Object.fromEntries(
      Object.entries(thresholds).map(([field, change]) => [
        field,
        field === 'sourceLagBytes' && change?.to != null ? BigInt(change.to) : (change?.to ?? null),
      ]),
    );
    const data = { ...webhookData, ...thresholdData, updatedAt: new Date(), updatedBy: by };
    const saved = await tx.prisma.alertSettings.upsert({
      where: { id: ALERT_SETTINGS_ID },
      create: { id: ALERT_SETTINGS_ID, ...data },
      update: data,
    });
    await recordAuditEvent(tx, {
      actor: by,
      action: 'alerts.settings_changed',
      targetType: 'alert_settings',
      targetId: 'installation',
      targetName: 'Installation-wide',
      details: {
        fields: [
          ...(webhook ? ['webhookUrl'] : []),
          ...Object.keys(thresholds).map((field) => `thresholds.${field}`),
        ],
        ...(webhook ? { webhook: webhook.change, webhookHost: webhook.host } : {}),
        ...(Object.keys(thresholds).length > 0 ? { thresholds } : {}),
      },
    });
    return saved;
  });
  return toPublicAlertSettings(row);
}
