import { updateAlertSettings, updateAlertSettingsInputSchema } from '@shardline/db';
import { alertSettingsAnswer } from '../../../../../lib/server/alerts/alert-settings-answer';
import { apiRoute } from '../../../../../lib/server/api/api-route';
import { readJsonBody } from '../../../../../lib/server/api/read-input';
import { requestActor } from '../../../../../lib/server/api/request-actor';
import { database } from '../../../../../lib/server/database';
import { assertAllowedEndpoint } from '../../../../../lib/server/network-policy';
import { secretBox } from '../../../../../lib/server/secret-box';

export const dynamic = 'force-dynamic';

/** The alert settings made in the console: `{ settings, thresholdFields, sinks }`. Never the webhook's URL. */
export const GET = apiRoute(async () => alertSettingsAnswer());

export const PUT = apiRoute(async (request) => {
  const input = await readJsonBody(request, updateAlertSettingsInputSchema);
  if (input.webhookUrl) await assertAllowedEndpoint(input.webhookUrl, 'webhookUrl');
  await updateAlertSettings(database(), { secretBox: secretBox(), input, by: requestActor(request) });
  return alertSettingsAnswer();
});
