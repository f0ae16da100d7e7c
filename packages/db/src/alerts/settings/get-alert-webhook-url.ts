import type { SecretBox } from '@shardline/core';
import type { Db } from '../../database';
import { ALERT_SETTINGS_ID } from './public-alert-settings';

/**
 * The notification webhook's URL set in the console, decrypted, or null when none is. For the
 * engines' notices and the console's test notification only: it is never returned or logged.
 */
export async function getAlertWebhookUrl(db: Db, options: { secretBox: SecretBox }): Promise<string | null> {
  const row = await db.prisma.alertSettings.findUnique({
    where: { id: ALERT_SETTINGS_ID },
    select: { webhookUrlCiphertext: true },
  });
  return row?.webhookUrlCiphertext ? options.secretBox.decrypt(row.webhookUrlCiphertext) : null;
}
