import type { Db } from '../../database';
import { ALERT_SETTINGS_ID, type PublicAlertSettings, toPublicAlertSettings } from './public-alert-settings';

/** The installation's alert settings made in the console (nothing set before the first change). */
export async function getAlertSettings(db: Db): Promise<PublicAlertSettings> {
  return toPublicAlertSettings(
    await db.prisma.alertSettings.findUnique({ where: { id: ALERT_SETTINGS_ID } }),
  );
}
