import { z } from 'zod';
import { alertThresholdsInputSchema } from './alert-threshold-fields';

/** The longest webhook URL accepted: far more than any chat service's. */
const WEBHOOK_URL_MAX = 2_000;

/**
 * A change of the installation's alert settings. `webhookUrl`: a URL replaces the stored one,
 * null removes it (the engines' SHARDLINE_ALERT_WEBHOOK_URL applies again), left out keeps it.
 * No message ever repeats the URL: its path is a secret.
 */
export const updateAlertSettingsInputSchema = z.strictObject(
  {
    webhookUrl: webhookUrlSchema().nullable().optional(),
    thresholds: alertThresholdsInputSchema.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.map((key) => `"${key}"`).join(', ')} cannot be set: the alert settings are webhookUrl and thresholds`
        : undefined,
  },
);
export type UpdateAlertSettingsInput = z.input<typeof updateAlertSettingsInputSchema>;

/** An http or https URL, described without quoting it. */
export function webhookUrlSchema() {
  return z
    .string({ error: 'must be the webhook URL, as text' })
    .trim()
    .min(1, 'must be the webhook URL (to remove the webhook, send null)')
    .max(WEBHOOK_URL_MAX, `must be at most ${WEBHOOK_URL_MAX} characters`)
    .refine((text) => URL.canParse(text), 'is not a URL (it must start with https:// or http://)')
    .refine((text) => {
      const protocol = urlOf(text)?.protocol;
      return !protocol || protocol === 'http:' || protocol === 'https:';
    }, 'must be an http or https URL')
    .refine((text) => {
      const url = urlOf(text);
      return !url?.username && !url?.password;
    }, 'must not hold a user name or password');
}

function urlOf(text: string): URL | null {
  return URL.canParse(text) ? new URL(text) : null;
}
