import { type TestNoticeOutcome } from '@shardline/alerts';
import { z } from 'zod';
/** `webhookUrl`: a URL typed but not saved yet; left out, the webhook saved in the console. */
export declare const testNotificationInputSchema: z.ZodObject<
  {
    webhookUrl: z.ZodOptional<z.ZodString>;
  },
  z.core.$strict
>;
/**
 * Posts a test notification to the URL typed, or to the one saved (which then goes only where it
 * was saved for: its own URL). Either is checked against the network policy first, as every
 * endpoint is. A webhook's failure is the answer to the question asked: it is returned, not thrown.
 */
export declare function sendTestNotification(options: {
  webhookUrl?: string;
  requestedBy: string;
}): Promise<TestNoticeOutcome>;
