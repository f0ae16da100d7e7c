import { alertListQuerySchema } from '../../alerts/alert-queries';
import type { PathSpecs } from '../operation';

export const alertsPaths: PathSpecs = {
  '/api/v1/alerts': {
    get: {
      summary: 'Alerts, open and resolved, newest first',
      description:
        'What the engines found that needs a person (docs/alerts.md): messages over the record size limit, groups blocked, a sink failing, a sink not capturing, a sink throttled by Kinesis for long, a source lagging. An alert is `{ id, kind: message_too_large|group_blocked|sink_failing|sink_not_capturing|sink_throttled|source_lagging, sinkId, sourceId, targetName, summary, details, openedAt, seenAt, resolvedAt, notifications: { openedAt, resolvedAt, error } }`: `sinkId` is set for the kinds about a sink, `sourceId` for `source_lagging`; `targetName` is the name of the sink or source when last evaluated; `summary` says what is wrong in one sentence and `details` holds its counts, examples and threshold; `resolvedAt` is null while it is open; `notifications` says when the webhook took each notice, or why it failed. `state=active` lists the open ones (at most one per kind and sink or source), `state=resolved` the history. Filters combine; `since` (inclusive) and `until` (exclusive) bound when it opened. Pass `nextCursor` as `before` for the next (older) page; it is null on the last page.',
      tag: 'alerts',
      query: alertListQuerySchema,
      responses: {
        200: '`{ alerts, nextCursor }`',
        400: 'A query parameter is not valid (`field` names it): an unknown state or kind, an id that is not a UUID, a time that is not ISO 8601, a `before` that is not an alert id',
      },
    },
  },
};
