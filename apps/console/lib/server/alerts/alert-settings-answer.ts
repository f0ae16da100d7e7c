import {
  ALERT_THRESHOLD_FIELDS,
  type AlertThresholdField,
  getAlertSettings,
  listSinkAlertThresholds,
  THRESHOLD_LIMITS,
} from '@shardline/db';
import { database } from '../database';

/** Each threshold's environment variable, built-in default and accepted range: what the page shows and checks. */
export const THRESHOLD_FIELD_ANSWERS = Object.fromEntries(
  Object.entries(ALERT_THRESHOLD_FIELDS).map(([field, spec]) => [
    field,
    { ...spec, ...THRESHOLD_LIMITS[spec.unit] },
  ]),
) as Record<
  AlertThresholdField,
  (typeof ALERT_THRESHOLD_FIELDS)[AlertThresholdField] & { min: number; max: number }
>;

/**
 * What GET /api/v1/alerts/settings answers (PUT too, after the change): the installation's
 * settings (the webhook only as set or not, and its host), each threshold's environment variable
 * and range, and every sink's own thresholds.
 */
export async function alertSettingsAnswer() {
  const [settings, sinks] = await Promise.all([
    getAlertSettings(database()),
    listSinkAlertThresholds(database()),
  ]);
  return { settings, thresholdFields: THRESHOLD_FIELD_ANSWERS, sinks };
}
