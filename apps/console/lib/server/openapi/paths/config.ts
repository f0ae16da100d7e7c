import { reference } from '@shardline/config';
import { forceQuerySchema } from '../../api/force-flag';
import { configRequestSchema } from '../../config/config-request';
import type { PathSpecs } from '../operation';

const TAG = 'configuration';
const PLAN =
  '`{ changes, kept }`: `changes` is what apply does (or did), in order, each `{ action: create|update|delete, kind: source|transform|sink, name, fields: [{ field, from, to }] }` (secrets shown as "(secret)"); `kept` the deletions left out without deleteMissing';
const INVALID =
  '`invalid_config`: the file is not valid; `details.errors` lists every problem as `{ line, column, path, message }`. Nothing is applied';

export const configPaths: PathSpecs = {
  '/api/v1/config/plan': {
    post: {
      summary: 'Plan a configuration file',
      description:
        'What applying `shardline.yaml` would create, change and delete, field by field, changing nothing (docs/configuration.md). Admins only.',
      tag: TAG,
      body: configRequestSchema,
      responses: { 200: PLAN, 400: INVALID },
    },
  },
  '/api/v1/config/apply': {
    post: {
      summary: 'Apply a configuration file',
      description:
        'Makes the instance match the file by name: creates, edits and (with deleteMissing) deletes sources, transforms and sinks through the same checks as their own requests. All or nothing: a step that fails undoes the earlier ones, and the error names the entry and its line. Applying the same file twice changes nothing. `force=true` saves despite failing checks and deletes sinks with undelivered messages. Audited as `config.apply`. Admins only.',
      tag: TAG,
      body: configRequestSchema,
      query: forceQuerySchema,
      responses: {
        200: PLAN,
        400: INVALID,
        409: '`sink_has_waiting_messages`: the file deletes a sink with undelivered messages (apply with force)',
        422: '`checks_failed`, `source_not_ready`: a step failed its checks; `details` has `errors` (with the line), `step` and `undone`',
        502: '`source_unreachable`: a source could not be reached; nothing is applied',
      },
    },
  },
  '/api/v1/config/export': {
    get: {
      summary: 'Export the configuration as a file',
      description: `\`{ file, variables }\`: the instance as \`shardline.yaml\` (ordered by name, defaults left out), every secret replaced by a reference such as \`${reference('SINK_ORDERS_SECRET_ACCESS_KEY')}\`, and the names of those variables. Admins only.`,
      tag: TAG,
      responses: { 200: '`{ file, variables }`' },
    },
  },
  '/api/v1/config/schema': {
    get: {
      summary: 'The JSON Schema of shardline.yaml (public)',
      description:
        'For editors: point `# yaml-language-server: $schema=` at it to validate and complete the file.',
      tag: TAG,
      responses: { 200: 'A JSON Schema (draft 2020-12)' },
    },
  },
};
