import { ConflictError } from '@shardline/core';
import { retryMessages } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { messageIdOf } from '@/lib/server/messages/message-id';
import { messageRecordOf } from '@/lib/server/messages/message-record-of';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

/** "Retry now": only a failing message waits for a retry; any other is already due or finished. */
export const POST = apiRoute<{ id: string; messageId: string }>(async (request, params) => {
  const sinkId = sinkIdOf(params);
  const id = messageIdOf(params);
  const db = database();
  const message = await messageRecordOf(db, { sinkId, id });
  // Checked again by the update itself: the message may have been delivered in between.
  const retried =
    message.state === 'failing' &&
    (await retryMessages(db, { sinkId, selection: { ids: [id] }, by: requestActor(request) }));
  if (!retried) {
    const state = message.state === 'failing' ? 'no longer failing' : message.status;
    throw new ConflictError(
      `message ${id} is ${state}: only a failing message can be retried (a waiting one is already due or waits for its group; a delivered one can be re-sent)`,
    );
  }
  return { message: await messageRecordOf(db, { sinkId, id }) };
});
