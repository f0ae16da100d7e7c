import { type UpdateAlertSettingsInput, updateAlertSettings } from '@shardline/db';
import { database } from '../database';
import { secretBox } from '../env';
import { assertAllowedEndpoint } from '../network-policy';

/**
 * Changing the installation's alert settings, whoever asks (the REST API, a configuration file):
 * a webhook URL only where Shardline may send, stored encrypted.
 */
export async function updateAlertSettingsChecked(input: UpdateAlertSettingsInput, options: { by: string }) {
  if (input.webhookUrl) await assertAllowedEndpoint(input.webhookUrl, 'webhookUrl');
  return updateAlertSettings(database(), { secretBox: secretBox(), input, by: options.by });
}
