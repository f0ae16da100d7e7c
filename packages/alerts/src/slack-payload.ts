import type { AlertRecord } from '@shardline/db';
import { ALERT_TITLES, formatSpan } from './wording';

export type AlertEvent = 'opened' | 'resolved';

/** Slack's incoming webhooks take `&`, `<` and `>` as markup: a name or an error must not be read as a link. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Where the console shows the alert's sink or source; null when the console's address is not known. */
export function alertLink(alert: AlertRecord, consoleOrigin: string | null): string | null {
  if (!consoleOrigin) return null;
  const origin = consoleOrigin.replace(/\/+$/, '');
  if (alert.sinkId) return `${origin}/sinks/${alert.sinkId}`;
  if (alert.sourceId) return `${origin}/sources/${alert.sourceId}`;
  return `${origin}/alerts`;
}

/** One line a person reads in a channel, a log or a terminal. */
export function alertText(alert: AlertRecord, event: AlertEvent): string {
  const target = `${alert.sinkId ? 'sink' : 'source'} "${alert.targetName}"`;
  const title = ALERT_TITLES[alert.kind];
  if (event === 'opened') return `Alert opened: ${title} on ${target}. ${alert.summary}`;
  const lasted = formatSpan((alert.resolvedAt ?? new Date()).getTime() - alert.openedAt.getTime());
  return `Alert resolved: ${title} on ${target} cleared after ${lasted}.`;
}

/**
 * The body of a Slack-compatible incoming webhook: `text` (what every such receiver reads, and
 * Slack's notification) and `blocks` with the same words and a link to the console. Mattermost,
 * Rocket.Chat, Discord's /slack endpoint and Teams' connectors read `text` too.
 */
export function slackPayload(
  alert: AlertRecord,
  event: AlertEvent,
  consoleOrigin: string | null,
): { text: string; blocks: unknown[] } {
  const icon = event === 'opened' ? ':rotating_light:' : ':white_check_mark:';
  const text = `${icon} [Shardline] ${escapeMrkdwn(alertText(alert, event))}`;
  const link = alertLink(alert, consoleOrigin);
  const context = [
    `kind \`${alert.kind}\``,
    `opened ${alert.openedAt.toISOString()}`,
    ...(alert.resolvedAt ? [`resolved ${alert.resolvedAt.toISOString()}`] : []),
    ...(link ? [`<${link}|Open in the console>`] : []),
  ].join(' · ');
  return slackBody(text, context);
}

/** Slack's shape: `text`, and the same words as a section with a line of context under it. */
function slackBody(text: string, context: string): { text: string; blocks: unknown[] } {
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
    ],
  };
}

/**
 * The body of a test notification, clearly marked as one (`test: true`, and its text says so), in
 * the same Slack-compatible shape as a real notice, so it shows how notices will look.
 */
export function testSlackPayload(options: { requestedBy: string; consoleOrigin: string | null }): {
  text: string;
  blocks: unknown[];
  test: true;
} {
  const text = `:test_tube: [Shardline] Test notification, sent by ${escapeMrkdwn(options.requestedBy)} from the Alerts settings. No alert is open: alerts will be announced here like this.`;
  const origin = options.consoleOrigin?.replace(/\/+$/, '');
  const context = [
    'kind `test`',
    `sent ${new Date().toISOString()}`,
    ...(origin ? [`<${origin}/alerts|Open in the console>`] : []),
  ].join(' · ');
  return { ...slackBody(text, context), test: true };
}
