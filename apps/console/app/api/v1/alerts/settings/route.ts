import { updateAlertSettingsInputSchema } from '@shardline/db';
import { alertSettingsAnswer } from '@/lib/server/alerts/alert-settings-answer';
import { updateAlertSettingsChecked } from '@/lib/server/alerts/alert-settings-operations';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';

export const dynamic = 'force-dynamic';

/** The alert settings made in the console: `{ settings, thresholdFields, sinks }`. Never the webhook's URL. */
export const GET = apiRoute(async () => alertSettingsAnswer());

export const PUT = apiRoute(async (request) => {
  const input = await readJsonBody(request, updateAlertSettingsInputSchema);
  await updateAlertSettingsChecked(input, { by: requestActor(request) });
  return alertSettingsAnswer();
});
