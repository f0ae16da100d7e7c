import { createTransformInputSchema, updateTransformInputSchema } from '@shardline/db';
import { testTransformInputSchema } from '../../transforms/test-transform-input';
import type { PathSpecs } from '../operation';

const TAG = 'transforms';
const TRANSFORM =
  '`{ transform }`: id, name, description, kind (code|path), body and version (of the current version, the one that runs), createdAt, updatedAt, sinks [{ id, name }] (the sinks using it), versions [{ version, kind, body, createdAt, createdBy }] (newest first)';
const NOT_FOUND = 'No transform has this id (or the id is not a UUID)';
const DOES_NOT_COMPILE =
  "Not JSON, a field is invalid (`field` names it), or the code does not compile (field `body`, the compiler's message): nothing is saved";

export const transformsPaths: PathSpecs = {
  '/api/v1/transforms': {
    get: {
      summary: 'List transforms',
      description: 'Every transform by name, with its current version and the sinks using it (no versions).',
      tag: TAG,
      responses: { 200: '`{ transforms }`' },
    },
    post: {
      summary: 'Create a transform',
      description:
        'A `code` body is a JavaScript function `(message) => message` run in a sandbox; a `path` body picks part of the message (`record`, `record.address`, `changes.price.old`, `record.items[0]`). It is compiled first: a syntax error, code that is not a function or a path that does not start with record, changes, action or metadata is refused. It starts at version 1.',
      tag: TAG,
      body: createTransformInputSchema,
      responses: { 201: TRANSFORM, 400: DOES_NOT_COMPILE, 409: 'Another transform already has this name' },
    },
  },
  '/api/v1/transforms/{id}': {
    get: {
      summary: 'Get a transform with every version it has had',
      tag: TAG,
      responses: { 200: TRANSFORM, 404: NOT_FOUND },
    },
    patch: {
      summary: 'Edit a transform',
      description:
        'Any of name, description, kind, body. A new kind or body is compiled first and makes a new version, which the sinks using the transform run from then on (their messages not delivered yet included); a new name or description does not make a version.',
      tag: TAG,
      body: updateTransformInputSchema,
      responses: {
        200: TRANSFORM,
        400: DOES_NOT_COMPILE,
        404: NOT_FOUND,
        409: 'Another transform already has this name',
      },
    },
    delete: {
      summary: 'Delete a transform and its versions',
      tag: TAG,
      responses: {
        200: '`{ deleted: true }`',
        404: NOT_FOUND,
        409: 'Sinks use it (the message names them): detach it from them first',
      },
    },
  },
  '/api/v1/transforms/test': {
    post: {
      summary: 'Run a transform, saved or not, on messages',
      description:
        "Runs `definition` (`{ kind, body }`) on a pasted `message` (an object), on the messages `messageIds` of the sink `sinkId`, or on `limit` (1 to 20, 5 by default) messages of `sinkId`: those the transform applies to next (failing, then waiting, in the order they go out), then the most recently delivered, then discarded ones. Nothing is saved or sent. Each result is `{ messageId, input, output, outputBytes, recordLimitBytes, fitsLimit, durationMs, error }`: input and output are JSON texts; the limit is the sink's record size limit (1 MiB without a sink), and `fitsLimit` counts the message's partition key with the output, as Kinesis does. A transform that throws, runs out of time or memory or returns something that is not JSON gives `error` (as delivery would record it), not an API error.",
      tag: TAG,
      body: testTransformInputSchema,
      responses: {
        200: '`{ results }`',
        400: "Not JSON, an invalid field (`field` names it: `message` when the pasted message is not an object), or the definition does not compile (field `definition.body`, the compiler's message)",
        404: 'The sink, or one of the messageIds of that sink, does not exist',
      },
    },
  },
};
