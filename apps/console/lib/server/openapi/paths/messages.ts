import { bulkOperationInputSchema } from '@shardline/db';
import {
  discardMessageBodySchema,
  messageCountsQuerySchema,
  messageListQuerySchema,
} from '../../messages/message-queries';
import type { PathSpecs } from '../operation';

const TAG = 'messages';
const SINK_NOT_FOUND = 'No sink has this id';
const MESSAGE_NOT_FOUND = 'The sink has no message with this id (or no sink has this id)';
const MESSAGE_FIELDS =
  '`{ id, sinkId, group, lane, commitLsn, commitIdx, tableSchema, tableName, action, sizeBytes, state, status, waitingReason, blockedBy, deliverCount, nextAttemptAt, nextAttemptTrigger, lastError, createdAt, delivered, discarded }`; ids and positions are strings. `status` is where it stands: `waiting`, `sending` (inside a request to Kinesis under way), `failing`, `delivered` or `discarded`; `waitingReason` says why a waiting one has not gone yet: `due` (its turn to be sent), `scheduled` (its next attempt time is not reached), `blocked` (behind a failing message of its group, whose id is `blockedBy`) or `throttled` (Kinesis throttled its last attempt); both null otherwise. `state` is the stored state (`pending` for waiting and sending), kept for clients written before `status`';

const SEARCH =
  "`key` finds the messages of one row by its primary key value (composite keys joined with `:`, as in the payload's `metadata.record_pks`), whatever the sink groups by; `q` finds text anywhere in the stored payload's JSON text, as written there (case counts). Both read the payload of every message of the sink in the state asked (no index holds them), so each statement stops after 5 seconds with a 400 naming the field: narrow the search with `table`, `action` or `group` then.";

export const messagesPaths: PathSpecs = {
  '/api/v1/sinks/{id}/messages': {
    get: {
      summary: "One page of a sink's messages in one state",
      description: `\`state\` is \`waiting\` (the default; \`pending\` is a deprecated alias), \`failing\`, \`delivered\` or \`discarded\`. Waiting and failing messages come oldest first, in the order they go out; delivered and discarded ones newest first. Pass \`nextCursor\` as \`after\` for the next page; it is null on the last page. Each message is ${MESSAGE_FIELDS}. ${SEARCH}`,
      tag: TAG,
      query: messageListQuerySchema,
      responses: {
        200: '`{ messages, nextCursor }`',
        400: 'A query parameter is not valid (`field` names it), `after` is not a cursor this API issued, or a search (`key`, `q`) ran past its time bound (`field` names it)',
        404: SINK_NOT_FOUND,
      },
    },
  },
  '/api/v1/sinks/{id}/messages/counts': {
    get: {
      summary: 'How many messages are in each state, for the same filters as the list',
      description: `Unfiltered counts read an index only and stay fast on millions of messages; a filter makes them read the rows, which takes about a second per million messages of the sink. ${SEARCH}`,
      tag: TAG,
      query: messageCountsQuerySchema,
      responses: {
        200: '`{ counts: { waiting, sending, failing, delivered, discarded, capped } }`: waiting counts the messages not sent yet and not failing (the ones being sent now included), sending those inside a request under way; `pending` and `inFlight`, the same as waiting and sending, are deprecated. `capped` lists the states whose filtered count stopped at 10,000',
        400: 'A query parameter is not valid (`field` names it)',
        404: SINK_NOT_FOUND,
      },
    },
  },
  '/api/v1/sinks/{id}/messages/{messageId}': {
    get: {
      summary: 'One message with its payload and its attempts',
      description:
        "`{ message }`: the listed fields, plus `payload` (the JSON exactly as stored, the change as captured; without a transform it is what is sent to Kinesis), `change` (the same), `sentPayload` and `transformError` (what the sink's current transform makes of the payload now, as a JSON text, or why it fails; both null when the sink has no transform), `attempts` (every failed attempt and every delivered one a person asked for, oldest first: `{ attemptNumber, trigger: scheduled|manual, outcome: delivered|failed|throttled, errorCode, errorMessage, durationMs, attemptedAt }`; the error fields are null for a delivered attempt) and `auditEvents` (who retried or discarded it and when, newest first, as GET /api/v1/audit lists them; a bulk operation is recorded on the sink, not on each message). Where it landed is in `delivered: { at, shardId, sequenceNumber, streamArn }` (`streamArn`: the stream the sink's routing function sent it to; null without routing, when it went to the sink's stream).",
      tag: TAG,
      responses: {
        200: '`{ message }`',
        400: 'The message id is not a whole number',
        404: MESSAGE_NOT_FOUND,
      },
    },
  },
  '/api/v1/sinks/{id}/messages/{messageId}/payload': {
    get: {
      summary: "A message's payload as a file",
      description:
        'The payload byte for byte as stored (the change as captured; without a transform, what is sent to Kinesis), with `Content-Disposition: attachment; filename="message-<id>.json"`.',
      tag: TAG,
      responses: {
        200: 'The payload (application/json)',
        400: 'The message id is not a whole number',
        404: MESSAGE_NOT_FOUND,
      },
    },
  },
  '/api/v1/sinks/{id}/messages/{messageId}/retry': {
    post: {
      summary: 'Retry a failing message now',
      description:
        'Its next attempt is due at once and recorded as asked for by a person (trigger `manual`), and who asked is recorded in the audit trail.',
      tag: TAG,
      responses: {
        200: '`{ message }` as listed',
        400: 'The message id is not a whole number',
        404: MESSAGE_NOT_FOUND,
        409: 'The message is not failing (waiting ones are already due or wait for their group; delivered ones can be re-sent)',
      },
    },
  },
  '/api/v1/sinks/{id}/messages/{messageId}/resend': {
    post: {
      summary: 'Re-send a delivered message (a consumer lost data)',
      description:
        "It goes back to waiting, due at once, and is delivered again as a new attempt recorded with trigger `manual` (its deliverCount grows; the attempt is kept in its history). It keeps its position: it goes before its group's later messages that are still waiting, never after them, so the stream still ends each group with its latest change. Where it landed before and its last error are cleared (its attempts keep the history); the payload and its idempotency_key are the same. Recorded in the audit trail as `message.resend`. Admins only.",
      tag: TAG,
      responses: {
        200: '`{ message }` as listed, waiting',
        400: 'The message id is not a whole number',
        403: 'The caller is a viewer',
        404: MESSAGE_NOT_FOUND,
        409: 'The message is not delivered, or a message of its group is being sent right now (try again in a moment)',
      },
    },
  },
  '/api/v1/sinks/{id}/messages/{messageId}/discard': {
    post: {
      summary: 'Discard a waiting message',
      description:
        'It is never sent, and the rest of its group moves on. Who (the account email or the token name), when and the optional reason are kept, and recorded in the audit trail. The body may be left out.',
      tag: TAG,
      body: discardMessageBodySchema,
      responses: {
        200: '`{ message }` as listed, with `discarded: { at, by, reason }`',
        400: 'The body is not JSON or the reason is too long, or the message id is not a whole number',
        404: MESSAGE_NOT_FOUND,
        409: 'The message is already delivered or discarded',
      },
    },
  },
  '/api/v1/sinks/{id}/bulk-operations': {
    post: {
      summary: 'Retry, discard or re-send every message a filter matches, in the background',
      description:
        'Queued and run by an engine chunk by chunk; follow it with GET …/bulk-operations/{operationId}. `filter` is required (`{}` matches every message of the sink) and takes the fields of the filter of GET …/messages, `key` and `q` included (counting what a search matches is bounded in time as the list is). `action` `retry` applies to failing messages only; `discard` to waiting and failing ones, or to the `state` given (`waiting` or `failing`; `pending` is a deprecated alias of `waiting`); `resend` to delivered ones (each goes as `POST …/messages/{messageId}/resend` says; a message whose group is being sent at that moment is skipped, and `done` ends lower than `total`). `total` is how many matched when it was created; `done` how many were changed, lower at the end when some were delivered or discarded meanwhile. An operation is `{ id, sinkId, action, state: queued|running|done|failed, messageState, filter, reason, total, done, error, createdBy, createdAt, startedAt, finishedAt }`; `createdBy` is who queued it, recorded as who discarded its messages. Queuing it is recorded in the audit trail (`bulk.retry`, `bulk.discard`, `bulk.resend`) with the filter and `total`; the final count is added when it ends.',
      tag: TAG,
      body: bulkOperationInputSchema,
      responses: {
        202: '`{ operation }`, queued',
        400: 'The body is not JSON or not valid (`field` names the part at fault)',
        404: SINK_NOT_FOUND,
      },
    },
    get: {
      summary: "The sink's most recent bulk operations (20), newest first",
      tag: TAG,
      responses: { 200: '`{ operations }`', 404: SINK_NOT_FOUND },
    },
  },
  '/api/v1/sinks/{id}/bulk-operations/{operationId}': {
    get: {
      summary: 'A bulk operation and its progress',
      tag: TAG,
      responses: {
        200: '`{ operation }`',
        404: 'The sink has no bulk operation with this id',
      },
    },
  },
};
