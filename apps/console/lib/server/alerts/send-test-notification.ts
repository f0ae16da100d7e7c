import { AlertWebhook, type TestNoticeOutcome } from '@shardline/alerts';
import { getAlertWebhookUrl, webhookUrlSchema } from '@shardline/db';
import { z } from 'zod';
import { ApiError } from '../api/api-error';
import { database } from '../database';
import { consoleEnv, secretBox } from '../env';
import { assertAllowedEndpoint } from '../network-policy';

/** `webhookUrl`: a URL typed but not saved yet; left out, the webhook saved in the console. */
export const testNotificationInputSchema = z.strictObject({
  webhookUrl: webhookUrlSchema().optional(),
});

/** The person waits for the answer: one call, no retries, at most this long. */
const TEST_TIMEOUT_MS = 5_000;

/**
 * Posts a test notification to the URL typed, or to the one saved (which then goes only where it
 * was saved for: its own URL). Either is checked against the network policy first, as every
 * endpoint is. A webhook's failure is the answer to the question asked: it is returned, not thrown.
 */
export async function sendTestNotification(options: {
  webhookUrl?: string;
  requestedBy: string;
}): Promise<TestNoticeOutcome> {
  const url = options.webhookUrl ?? (await getAlertWebhookUrl(database(), { secretBox: secretBox() }));
  if (!url) {
    throw new ApiError(
      400,
      'invalid_input',
      'webhookUrl: no webhook is set in the console; type the URL to test it',
      'webhookUrl',
    );
  }
  await assertAllowedEndpoint(url, 'webhookUrl');
  const webhook = new AlertWebhook({
    url,
    consoleOrigin: consoleEnv().SHARDLINE_CONSOLE_ORIGIN,
    timeoutMs: TEST_TIMEOUT_MS,
    attempts: 1,
  });
  return webhook.sendTest(options.requestedBy);
}
