import { sinkThresholdsInputSchema, updateAlertSettingsInputSchema } from '@shardline/db';
import { alertListQuerySchema } from '../../alerts/alert-queries';
import { testNotificationInputSchema } from '../../alerts/send-test-notification';
import type { PathSpecs } from '../operation';

const ADMIN_ONLY = {
  401: 'Not signed in',
  403: '`forbidden`: a viewer may look but not change anything; or `cross_site_request`',
};

const SETTINGS_ANSWER =
  "`{ settings: { webhook: { set, host }, thresholds, updatedAt, updatedBy }, thresholdFields, sinks }`: `webhook` says only whether a webhook is set in the console and its host (its URL is write-only, never returned); `thresholds` holds each installation-wide threshold set in the console, null where the engine's environment variable applies; `thresholdFields` gives each threshold's `{ scope: sink|source, unit: ms|bytes, variable, builtInDefault, min, max }`; `sinks` lists every sink with its own thresholds `{ sinkId, sinkName, thresholds, updatedAt, updatedBy }` (null: the installation's applies)";

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
  '/api/v1/alerts/settings': {
    get: {
      summary: 'Alert settings made in the console',
      description:
        "The notification webhook (whether one is set, and its host) and the thresholds set in the console, for the installation and each sink. Which applies (docs/alerts.md, \"Settings\"): a sink's own threshold, then the installation's set here, then the engine's environment variable, then the built-in default; a webhook set here is called instead of the engines' `SHARDLINE_ALERT_WEBHOOK_URL`.",
      tag: 'alerts',
      responses: { 200: SETTINGS_ANSWER },
    },
    put: {
      summary: 'Change the alert settings (admin)',
      description:
        "`webhookUrl`: an http(s) URL replaces the stored one (stored encrypted, never returned or logged), `null` removes it (the engines' `SHARDLINE_ALERT_WEBHOOK_URL` applies again), left out keeps it. `thresholds`: each one given as a number sets it (milliseconds from 1,000 to 604,800,000; `sourceLagBytes` from 1 MiB to 1 TiB), `null` returns it to the environment variable, left out keeps it. Engines apply the change at their next evaluation. Audited as `alerts.settings_changed` with what changed (the webhook by its host only).",
      tag: 'alerts',
      body: updateAlertSettingsInputSchema,
      responses: {
        200: SETTINGS_ANSWER,
        400: '`invalid_input`, `field` naming the setting: a URL that is not http(s), holds credentials or points at a refused address (link-local, metadata); a threshold out of range; an unknown setting',
        ...ADMIN_ONLY,
      },
    },
  },
  '/api/v1/alerts/settings/test': {
    post: {
      summary: 'Send a test notification (admin)',
      description:
        'Posts a test notice (Slack-compatible JSON with `test: true`, its text saying it is a test) to `webhookUrl` when given (a URL typed, not saved), else to the webhook saved in the console. One call, no retry, a 5 s timeout, redirects not followed. The answer says how it went: `{ result: { ok, host, status, message } }`, `status` being the HTTP status the webhook answered (null when it could not be reached; `message` then names the connection error). A webhook that refuses is still a 200: the result is the answer.',
      tag: 'alerts',
      body: testNotificationInputSchema,
      responses: {
        200: '`{ result: { ok, host, status, message } }`',
        400: '`invalid_input` on `webhookUrl`: not an http(s) URL, a refused address, or no URL given while none is saved',
        ...ADMIN_ONLY,
      },
    },
  },
  '/api/v1/sinks/{id}/alert-thresholds': {
    get: {
      summary: "A sink's own alert thresholds",
      tag: 'alerts',
      responses: {
        200: "`{ thresholds: { sinkId, sinkName, thresholds: { groupBlockedMs, sinkFailingMs, sinkNotCapturingMs, sinkThrottledMs }, updatedAt, updatedBy } }`: null where the installation's threshold applies",
        404: 'No such sink',
      },
    },
    put: {
      summary: "Set a sink's own alert thresholds (admin)",
      description:
        "Each threshold given as a number (milliseconds, 1,000 to 604,800,000) applies to this sink instead of the installation's, from the next evaluation; `null` returns it to the installation's; left out keeps it. Audited as `alerts.settings_changed` on the sink, each threshold from and to.",
      tag: 'alerts',
      body: sinkThresholdsInputSchema,
      responses: {
        200: "The sink's thresholds, as GET answers",
        400: '`invalid_input`, `field` naming the threshold: out of range, not a whole number, or not a threshold of a sink',
        ...ADMIN_ONLY,
        404: 'No such sink',
      },
    },
  },
};
