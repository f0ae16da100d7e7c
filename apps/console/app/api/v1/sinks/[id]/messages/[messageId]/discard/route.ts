import { ConflictError } from '@shardline/core';
import { discardMessages } from '@shardline/db';
import { apiRoute } from '@/lib/server/api/api-route';
import { requestActor } from '@/lib/server/api/request-actor';
import { database } from '@/lib/server/database';
import { messageIdOf } from '@/lib/server/messages/message-id';
import { discardMessageBodySchema } from '@/lib/server/messages/message-queries';
import { messageRecordOf } from '@/lib/server/messages/message-record-of';
import { readOptionalJsonBody } from '@/lib/server/messages/read-optional-json-body';
import { sinkIdOf } from '@/lib/server/sinks/sink-id';

export const dynamic = 'force-dynamic';

/** Gives up on a waiting message: it is never sent, and the rest of its group moves on. */
export const POST = apiRoute<{ id: string; messageId: string }>(async (request, params) => {
  const sinkId = sinkIdOf(params);
  const id = messageIdOf(params);
  const { reason } = await readOptionalJsonBody(request, discardMessageBodySchema);
  const db = database();
  const message = await messageRecordOf(db, { sinkId, id });
  const waiting = message.state === 'pending' || message.state === 'failing';
  // Checked again by the update itself: the message may have been delivered in between.
  const discarded =
    waiting &&
    (await discardMessages(db, {
      sinkId,
      selection: { ids: [id] },
      by: requestActor(request),
      reason: reason ?? null,
    }));
  if (!discarded) {
    const state = waiting
      ? 'no longer waiting (it was just delivered or discarded)'
      : `already ${message.state}`;
    throw new ConflictError(`message ${id} is ${state}: only a waiting or failing message can be discarded`);
  }
  return { message: await messageRecordOf(db, { sinkId, id }) };
});
