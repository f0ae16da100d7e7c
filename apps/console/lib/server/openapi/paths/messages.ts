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
  '`{ id, sinkId, group, lane, commitLsn, commitIdx, tableSchema, tableName, action, sizeBytes, state, deliverCount, nextAttemptAt, nextAttemptTrigger, lastError, createdAt, delivered, discarded }`; ids and positions are strings';

const SEARCH =
  "`key` finds the messages of one row by its primary key value (composite keys joined with `:`, as in the payload's `metadata.record_pks`), whatever the sink groups by; `q` finds text anywhere in the stored payload's JSON text, as written there (case counts). Both read the payload of every message of the sink in the state asked (no index holds them), so each statement stops after 5 seconds with a 400 naming the field: narrow the search with `table`, `action` or `group` then.";

export const messagesPaths: PathSpecs = {
  '/api/v1/sinks/{id}/messages': {
    get: {
      summary: "One page of a sink's messages in one state",
      description: `Waiting messages (pending, failing) oldest first, in the order they go out; finished ones (delivered, discarded) newest first. Pass \`nextCursor\` as \`after\` for the next page; it is null on the last page. Each message is ${MESSAGE_FIELDS}. ${SEARCH}`,
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
        200: '`{ counts: { pending, inFlight, failing, delivered, discarded } }`; inFlight counts pending messages inside a request under way',
        400: 'A query parameter is not valid (`field` names it)',
        404: SINK_NOT_FOUND,
      },
    },
  },
  '/api/v1/sinks/{id}/messages/{messageId}': {
    get: {
      summary: 'One message with its payload and every failed attempt',
      description:
        "`{ message }`: the listed fields, plus `payload` (the JSON exactly as stored, the change as captured; without a transform it is what is sent to Kinesis), `change` (the same), `sentPayload` and `transformError` (what the sink's current transform makes of the payload now, as a JSON text, or why it fails; both null when the sink has no transform), `attempts` (every failed attempt, oldest first: `{ attemptNumber, trigger: scheduled|manual, errorCode, errorMessage, durationMs, attemptedAt }`) and `auditEvents` (who retried or discarded it and when, newest first, as GET /api/v1/audit lists them; a bulk operation is recorded on the sink, not on each message). Where it landed is in `delivered: { at, shardId, sequenceNumber }`.",
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
        409: 'The message is not failing (pending ones are already due or wait for their group; finished ones are done)',
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
      summary: 'Retry or discard every waiting message a filter matches, in the background',
      description:
        'Queued and run by an engine chunk by chunk; follow it with GET …/bulk-operations/{operationId}. `filter` is required (`{}` matches every message of the sink) and takes the fields of the filter of GET …/messages, `key` and `q` included (counting what a search matches is bounded in time as the list is). Retry applies to failing messages only; discard to pending and failing ones, or to the `state` given. `total` is how many matched when it was created; `done` how many were changed, lower at the end when some were delivered or discarded meanwhile. An operation is `{ id, sinkId, action, state: queued|running|done|failed, messageState, filter, reason, total, done, error, createdBy, createdAt, startedAt, finishedAt }`; `createdBy` is who queued it, recorded as who discarded its messages. Queuing it is recorded in the audit trail with the filter and `total`; the final count is added when it ends.',
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
