import { auditListQuerySchema } from '../../audit/audit-queries';
import type { PathSpecs } from '../operation';

export const auditPaths: PathSpecs = {
  '/api/v1/audit': {
    get: {
      summary: 'The audit trail: who changed what, and when, newest first',
      description:
        "Every change of a sink, source or transform (create, update, delete, pause, resume) and every retry or discard, single or bulk. An event is `{ id, at, actor, action, targetType: sink|source|transform|message|account|token|stream, targetId, targetName, details }`: `actor` is the signed-in account's email or the API token's name; `targetName` is the name when it was done (null for a message); `details` holds the names of the fields an update changed (`fields`; a secret only as changed, never its value), a bulk operation's `operationId`, `filter`, `messageState`, `reason`, `matched` and, once it ended, `done` and `outcome`, or a message's `sinkId`, `sinkName`, `messageId` and `reason`, or a Kinesis stream created from the sink form (`stream.create`, the target its ARN) with its `capacityMode` and `shardCount`. Filters combine; `since` is inclusive, `until` exclusive. Pass `nextCursor` as `before` for the next (older) page; it is null on the last page.",
      tag: 'audit',
      query: auditListQuerySchema,
      responses: {
        200: '`{ events, nextCursor }`',
        400: 'A query parameter is not valid (`field` names it): an unknown action or target type, a time that is not ISO 8601, a `before` that is not an event id',
      },
    },
  },
};
