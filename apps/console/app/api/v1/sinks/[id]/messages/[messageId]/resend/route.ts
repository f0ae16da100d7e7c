import { ConflictError } from '@shardline/core';
import { resendMessages } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { messageIdOf } from '@/lib/server/messages/message-id';
import { messageRecordOf } from '@/lib/server/messages/message-record-of';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

/** "Re-send" a delivered message (a consumer lost data): it waits again and goes as a manual attempt. */
export const POST = apiRoute<{ id: string; messageId: string }>(async (request, params) => {
  const sinkId = sinkIdOf(params);
  const id = messageIdOf(params);
  const db = database();
  const message = await messageRecordOf(db, { sinkId, id });
  if (message.state !== 'delivered') {
    throw new ConflictError(
      `message ${id} is ${message.status}: only a delivered message can be re-sent (retry a failing one instead)`,
    );
  }
  // Checked again by the update itself; it also holds the message back while its group is being sent.
  const resent = await resendMessages(db, { sinkId, selection: { ids: [id] }, by: requestActor(request) });
  if (!resent) {
    throw new ConflictError(
      `message ${id} was not re-sent: a message of its group is being sent right now, and a re-send must not land after a later change of its group; try again in a moment`,
    );
  }
  return { message: await messageRecordOf(db, { sinkId, id }) };
});
