import { startBackfillBodySchema } from '@shardline/db';
import type { PathSpecs } from '../operation';

const BACKFILL =
  '`{ backfill }`: id, sinkId, state (running|paused|done|cancelled|failed), outcome (done|cancelled|failed, null while running or paused), tables [{ schema, name, where?, keyRange? { from?, to? }, after (the cursor), done, rowsDone, rowsEstimate }], rowsDone, rowsTotalEstimate (null until an engine has looked), percent, rowsPerSecond, secondsLeft (null when unknown or not running), createdBy, startedAt, updatedAt, finishedAt, lastError';
const NOT_FOUND = 'No sink has this id, or the sink has no backfill with this id';
const CONFLICT = (verb: string) =>
  `The backfill's state does not allow it to be ${verb} (the message says which states do), e.g. it is done`;

export const backfillsPaths: PathSpecs = {
  '/api/v1/sinks/{id}/backfills': {
    get: {
      summary: "List a sink's backfills",
      description:
        'Newest first (at most 100): the one running or paused, if any, and the past ones with who started them and their outcome.',
      tag: 'backfills',
      responses: {
        200: '`{ backfills: Backfill[] }`, each as in `{ backfill }` below',
        404: 'No sink has this id',
      },
    },
    post: {
      summary: "Start a backfill: send the rows that already exist in the sink's tables",
      description:
        "Each existing row is sent as a `read` message, table after table (in the order given; all of the sink's tables when `tables` is left out), in primary-key order; per group, the last record is still the row's current state when it changes meanwhile. A table may be narrowed by `where`, a boolean SQL expression over its columns (one expression: no `;`, comments, parameters or subqueries), and/or `keyRange` `{ from?, to? }`: inclusive primary key bounds as text in key-column order (fewer values than key columns bound the leading columns). Both are tried on the source in a READ ONLY transaction before anything is saved. The condition runs on the source with the source role's rights. The engine reading the sink's source starts it within about a second. Recorded in the audit trail (`backfill.start`).",
      tag: 'backfills',
      body: startBackfillBodySchema,
      responses: {
        201: BACKFILL,
        400: 'Not JSON, the sink has no source, a table the sink does not take, a table listed twice, or a condition or key range the source refuses (`field` names it, e.g. `tables.0.where`, and the message carries Postgres\' own, e.g. `column "x" does not exist`)',
        404: 'No sink has this id',
        409: 'The sink already has a running or paused backfill: cancel it or wait for it to finish',
        502: 'The source could not be reached to check a condition or key range',
      },
    },
  },
  '/api/v1/sinks/{id}/backfills/{backfillId}': {
    get: {
      summary: 'Get a backfill and its progress',
      tag: 'backfills',
      responses: { 200: BACKFILL, 404: NOT_FOUND },
    },
  },
  '/api/v1/sinks/{id}/backfills/{backfillId}/pause': {
    post: {
      summary: 'Pause a running backfill',
      description:
        'It stops after the page under way (which is dropped and read again on resume). Audit: `backfill.pause`.',
      tag: 'backfills',
      responses: { 200: BACKFILL, 404: NOT_FOUND, 409: CONFLICT('paused') },
    },
  },
  '/api/v1/sinks/{id}/backfills/{backfillId}/resume': {
    post: {
      summary: 'Resume a paused backfill, or retry a failed one',
      description:
        'It carries on from its cursor. Refused while the sink has another backfill running or paused. Audit: `backfill.resume`.',
      tag: 'backfills',
      responses: { 200: BACKFILL, 404: NOT_FOUND, 409: CONFLICT('resumed') },
    },
  },
  '/api/v1/sinks/{id}/backfills/{backfillId}/cancel': {
    post: {
      summary: 'Cancel a backfill for good',
      description:
        'No further page is stored; rows already stored are still delivered. Audit: `backfill.cancel`.',
      tag: 'backfills',
      responses: { 200: BACKFILL, 404: NOT_FOUND, 409: CONFLICT('cancelled') },
    },
  },
};
