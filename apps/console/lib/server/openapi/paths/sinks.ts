import { createSinkInputSchema, sinkStatsQuerySchema, updateSinkInputSchema } from '@shardline/db';
import { forceQuerySchema } from '../../api/force-flag';
import { createStreamInputSchema } from '../../sinks/create-stream-input';
import { streamRecordsQuerySchema } from '../../sinks/read-sink-stream';
import { testRoutingInputSchema } from '../../sinks/routing/test-routing-input';
import { testConnectionInputSchema } from '../../sinks/test-connection-input';
import type { PathSpecs } from '../operation';
import { CHECKS_FAILED, SINK_HEALTH } from './health-text';

const SINK =
  '`{ sink }`: id, name, streamArn, region, accessKeyId, hasSecretAccessKey (never the secret), endpoint, backoffCapMs, maxAttempts, maxRecordSizeBytes, laneCount, aggregateRecords, pausedAt, pausedBy, sourceId, tables, annotations, transform { id, name, version } | null, filterSource, routingSource, filteredCount (messages the filter dropped, a string), health (see below), counts { waiting, sending, failing, filteredCount } (waiting: messages not sent yet and not failing, the ones being sent now included; sending: inside a request under way; `pending` and `inFlight` are deprecated names of the same two), createdAt, updatedAt';
const NOT_FOUND = 'No sink has this id (or the id is not a UUID)';
const SINK_CHECKS =
  'Saving runs the checks first: the stream answers DescribeStreamSummary with the given (or saved) endpoint and credentials, and each chosen table exists in the source as a table with a primary key or the grouping columns named. An edit checks only what it changes of these (nothing when it changes neither).';

export const sinksPaths: PathSpecs = {
  '/api/v1/sinks': {
    get: {
      summary: 'List sinks',
      description: `Every sink by name, with its health and waiting, sending and failing counts. ${SINK_HEALTH}`,
      tag: 'sinks',
      responses: { 200: '`{ sinks: Sink[] }`' },
    },
    post: {
      summary: 'Create a sink',
      description:
        'Both the access key id and the secret access key, or neither to use the default AWS credentials. The secret is stored encrypted and never shown again. `transformId` attaches a transform (applied when messages are sent); `filterSource` is a function `(message) => boolean` run when a change is read (false drops it), compiled first. `routingSource` is a function `(message) => streamArn` (or `{ streamArn }`) run on each message as it is sent, picking its stream; without it every message goes to `streamArn`; compiled first. `aggregateRecords: true` (default false) packs several messages into one Kinesis record in the Kinesis Producer Library (KPL) aggregated format: every consumer of the stream must then deaggregate (the KCL does; a Lambda function needs the aws-kinesis-agg module). A table with `sendExistingRows: true` also gets its existing rows sent: a backfill of those tables starts in the same transaction as the sink (see `/api/v1/sinks/{id}/backfills`); editing refuses `sendExistingRows` (start a backfill instead). ' +
        SINK_CHECKS,
      tag: 'sinks',
      body: createSinkInputSchema,
      query: forceQuerySchema,
      responses: {
        201: SINK,
        422: CHECKS_FAILED,
        400: "Not JSON (invalid_json), or a setting is invalid (invalid_input, `field` names it): a `transformId` that names no transform, a `filterSource` or `routingSource` that does not compile (the compiler's message)",
        409: 'A sink with this name already exists',
      },
    },
  },
  '/api/v1/sinks/create-stream': {
    post: {
      summary: 'Create the Kinesis stream a sink will send to',
      description:
        "Calls CreateStream for the stream the ARN names (its name; the region of the ARN, the account of the credentials), on demand (`capacityMode: on-demand`) or provisioned with `shardCount` shards, then waits until DescribeStreamSummary says ACTIVE (at most 2 minutes). The connection settings are those of Test connection, with the same rules: with `sinkId` and no secret access key, the saved sink's secret is used, only with the endpoint and region it was saved for. A stream of that name that exists already is waited for, not created again (`created: false`). A stream created is recorded in the audit trail (`stream.create`). The credentials need `kinesis:CreateStream` and `kinesis:DescribeStreamSummary`. An AWS failure is a result, not an error: `{ ok: false, error: { code, message, hint } }` (`StreamNotActiveYet` when it is still being created after 2 minutes, `StreamInAnotherAccount` when the credentials' account is not the ARN's).",
      tag: 'sinks',
      body: createStreamInputSchema,
      responses: {
        200: '`{ ok: true, created, stream: { name, status, shardCount, maxRecordSizeBytes } }` or `{ ok: false, error: { code, message, hint } }`',
        400: 'Not JSON, or invalid settings (`field` names the one at fault: a provisioned stream without `shardCount`, say)',
        404: 'The `sinkId` names no sink',
      },
    },
  },
  '/api/v1/sinks/test-connection': {
    post: {
      summary: 'Test the connection to a Kinesis stream',
      description:
        "Calls DescribeStreamSummary with the given settings. With `sinkId` and no secret access key, the saved sink's secret (and access key id, when left out) is used. An AWS failure is a result, not an error: `{ ok: false, error: { code, message, hint } }`, the hint naming what to fix (a missing IAM permission, the region, the stream, the credentials, the endpoint). With `sinkId` of a sink with a routing function (`routingSource` left out: the saved one; given: that one, saved or not; null: none), the function also runs on the sink's 50 most recent messages and each distinct stream it returns is checked the same way, with the sink's endpoint and credentials: `routing` lists them, with the messages sent to each, and counts the messages whose routing failed, with the first error. Without routing, `routing` is null.",
      tag: 'sinks',
      body: testConnectionInputSchema,
      responses: {
        200: '`{ ok: true, stream: { name, status, shardCount, maxRecordSizeBytes }, routing }` or `{ ok: false, error: { code, message, hint }, routing }`; `routing`: null, or `{ messagesRouted, streams: [{ streamArn, messages, test: { ok, stream } | { ok, error } }], failed: { messages, firstMessageId, firstError } }`',
        400: 'Not JSON, or invalid settings (`field` names the one at fault)',
        404: 'The `sinkId` names no sink',
      },
    },
  },
  '/api/v1/sinks/test-routing': {
    post: {
      summary: 'Run a routing function, saved or not, on messages',
      description:
        "Runs `routingSource` on a pasted `message` (an object), on the messages `messageIds` of the sink `sinkId`, or on `limit` (1 to 20, 5 by default) messages of `sinkId` (those sent next, then the most recently delivered, as for a transform's test). Nothing is saved or sent. Each result is `{ messageId, input, streamArn, code, error, durationMs }`: the stream it returned, or the error delivery would record (`routing_failed`: it threw, ran out of time or memory, or returned something other than a string or `{ streamArn }`; `invalid_routed_stream`: a string that is not a stream ARN).",
      tag: 'sinks',
      body: testRoutingInputSchema,
      responses: {
        200: '`{ results: [{ messageId, input, streamArn, code, error, durationMs }] }`',
        400: "Not JSON, a field is invalid (`field` names it), or the function does not compile (field `routingSource`, the compiler's message)",
        404: 'The `sinkId` names no sink, or a message id is not one of its messages',
      },
    },
  },
  '/api/v1/sinks/{id}': {
    get: {
      summary: 'Get a sink',
      description: SINK_HEALTH,
      tag: 'sinks',
      responses: { 200: SINK, 404: NOT_FOUND },
    },
    patch: {
      summary: 'Edit a sink',
      description:
        'Any subset of the settings; those left out keep their value and `null` clears an optional one. `secretAccessKey`: left out keeps it, `null` removes it (with `accessKeyId: null`, for the default AWS credentials), a string replaces it. `tables`, when given, replaces the list. `transformId: null` detaches the transform and `filterSource: null` removes the filter; `routingSource: null` sends every message to `streamArn` again (a routing change applies to every message not yet delivered). Turning `aggregateRecords` on or off applies to the messages sent after the edit; consumers must deaggregate before it is turned on. The lane count cannot change after creation. ' +
        SINK_CHECKS,
      tag: 'sinks',
      body: updateSinkInputSchema,
      query: forceQuerySchema,
      responses: {
        200: SINK,
        422: CHECKS_FAILED,
        400: 'Not JSON, or a setting is invalid (`field` names it: an unknown `transformId`, a `filterSource` or `routingSource` that does not compile), or the lane count would change',
        404: NOT_FOUND,
        409: 'Another sink already has this name',
      },
    },
    delete: {
      summary: 'Delete a sink with its messages',
      tag: 'sinks',
      responses: { 200: '`{ deleted: true }`', 404: NOT_FOUND },
    },
  },
  '/api/v1/sinks/{id}/pause': {
    post: {
      summary: 'Pause delivery',
      description: 'Messages keep being stored; none is sent until the sink resumes.',
      tag: 'sinks',
      responses: { 200: `${SINK}; health.status is paused`, 404: NOT_FOUND },
    },
  },
  '/api/v1/sinks/{id}/resume': {
    post: {
      summary: 'Resume delivery',
      tag: 'sinks',
      responses: { 200: SINK, 404: NOT_FOUND },
    },
  },
  '/api/v1/sinks/{id}/stats': {
    get: {
      summary: 'Counters and the recent activity of a sink',
      description: `\`range\` chooses how far back \`throughput\` looks: \`1h\` (the default) in 60 one-minute buckets, \`24h\` in 96 buckets of 15 minutes, \`7d\` in 168 one-hour buckets; buckets start on whole multiples of their width in UTC. The counters do not depend on it (deliveredLastHour is always the last hour). ${SINK_HEALTH}`,
      tag: 'sinks',
      query: sinkStatsQuerySchema,
      responses: {
        200: '`{ health, counts: { waiting, sending, failing, delivered, discarded, deliveredLastHour, filteredCount }, oldestFailingAgeMs, range, bucketMinutes, throughput: [{ start, delivered, failed, throttled }] }`: counts also carry `pending` and `inFlight`, deprecated names of waiting and sending; buckets of `bucketMinutes`, oldest first, the current one last; failed counts failed attempts, throttled the attempts Kinesis throttled (not counted in failed); filteredCount (a string) the messages the filter dropped',
        400: '`range` is not one of 1h, 24h, 7d',
        404: NOT_FOUND,
      },
    },
  },
  '/api/v1/sinks/{id}/streams': {
    get: {
      summary: 'Deliveries of a sink per stream',
      description:
        "How many of the sink's messages were delivered to each stream over `range`, the window of the activity chart (`1h`, the default, `24h` or `7d`, from the start of its first bucket): a sink with a routing function writes to several. A message delivered without routing counts for the sink's own stream, which is always listed. Counts the messages still stored (delivered messages are pruned after their retention).",
      tag: 'sinks',
      query: sinkStatsQuerySchema,
      responses: {
        200: "`{ range, since, streams: [{ streamArn, own, delivered }] }`: most deliveries first; `own` marks the sink's own stream",
        400: '`range` is not one of 1h, 24h, 7d',
        404: NOT_FOUND,
      },
    },
  },
  '/api/v1/sinks/{id}/stream-records': {
    get: {
      summary: "Read the newest records of the sink's stream back",
      description:
        "What actually landed: the newest `limit` records (default 50, at most 200) of the sink's stream, read with the sink's endpoint and credentials through ListShards, GetShardIterator (AT_TIMESTAMP 5 minutes and then 1 hour back, then TRIM_HORIZON, until enough are found) and GetRecords. Data is UTF-8 text (base64 when it is not valid UTF-8), cut at 16 KiB. A KPL aggregated record is shown as the messages inside it, each with its own partition key and `aggregate: { index, count, sizeBytes }` (its place in the aggregated record, which has the record's shard and sequence number); a plain record has `aggregate: null`. Kinesis refusing the read is a result, not an error: `{ ok: false, error: { code, message, hint, operation } }`; on AWS the read needs kinesis:ListShards, kinesis:GetShardIterator and kinesis:GetRecords, and the hint names the one denied.",
      tag: 'sinks',
      query: streamRecordsQuerySchema,
      responses: {
        200: '`{ ok: true, records: [{ shardId, sequenceNumber, partitionKey, arrivedAt, sizeBytes, encoding: utf8|base64, data, truncated, aggregate: { index, count, sizeBytes } | null }], shardCount, readSince, complete }` (newest first; `readSince` null when read from the oldest record kept; `complete` false when a shard held more than one look reads) or `{ ok: false, error: { code, message, hint, operation } }`',
        400: '`limit` is not a whole number from 1 to 200',
        404: NOT_FOUND,
      },
    },
  },
  '/api/v1/health': {
    get: {
      summary: 'Whether the console and its database are up',
      tag: 'health',
      responses: {
        200: '`{ status: "ok", database: "ok" }`',
        503: '`{ status: "unavailable", database: "unreachable", error: { code, message } }`: the database cannot be reached',
      },
    },
  },
};
