import {
  sendTestNotification,
  testNotificationInputSchema,
} from '@/lib/server/alerts/send-test-notification';
import { apiRoute } from '@/lib/server/api/api-route';
import { readJsonBody } from '@/lib/server/api/read-input';
import { requestActor } from '@/lib/server/api/request-actor';

export const dynamic = 'force-dynamic';

// The webhook's answer, good or bad, is the answer to the question asked: status 200 either way.
export const POST = apiRoute(async (request) => {
  const input = await readJsonBody(request, testNotificationInputSchema);
  return { result: await sendTestNotification({ ...input, requestedBy: requestActor(request) }) };
});
