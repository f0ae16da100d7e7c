import { type SecretBox, startPeriodicTask } from '@shardline/core';
import {
  type AlertRecord,
  type Database,
  getAlertWebhookUrl,
  listActiveAlerts,
  openAlert,
  recordAlertNotice,
  resolveAlerts,
} from '@shardline/db';
import type { Logger } from 'pino';
import type { AlertThresholds } from './alert-thresholds';
import { AlertWebhook } from './alert-webhook';
import { setActiveAlertsMetric } from './alerts-metric';
import { loadEffectiveThresholds } from './effective-thresholds';
import { findAlertConditions } from './find-alert-conditions';
import { alertText } from './slack-payload';
import { ALERT_TITLES } from './wording';

export interface AlertEvaluatorOptions {
  db: Database;
  /** Reads sources' passwords, to measure their slots. */
  secretBox: SecretBox;
  logger: Logger;
  /**
   * The engine's environment variables: the defaults under what the console sets (the
   * installation's thresholds, then each sink's own), read from the database on every pass.
   */
  thresholds?: Partial<AlertThresholds>;
  /**
   * The engine's SHARDLINE_ALERT_WEBHOOK_URL: called when an alert opens or resolves unless a
   * webhook is set in the console, which wins. Null when none is set.
   */
  webhook?: AlertWebhook | null;
  /** The console's public origin, for the link in a notice sent to the console's webhook. */
  consoleOrigin?: string | null;
  /** How long to wait for a source database when measuring its slot. */
  sourceTimeoutMs?: number;
}

export interface AlertEvaluation {
  /** Alerts this evaluation opened (another engine may have opened others at the same time). */
  opened: AlertRecord[];
  /** Alerts this evaluation resolved. */
  resolved: AlertRecord[];
  /** Every alert open after it, whoever opened it. */
  active: AlertRecord[];
}

/**
 * One pass: finds every condition, opens or updates an alert for each and resolves those that
 * cleared. Safe with any number of engines at once: the database decides which one opened or
 * resolved each alert, and only that one logs it at warn level and calls the webhook. The webhook
 * is called after the database has the alert, and how it went is recorded on the alert.
 */
export async function evaluateAlerts(options: AlertEvaluatorOptions): Promise<AlertEvaluation> {
  const { db, logger } = options;
  const found = await findAlertConditions({
    db,
    secretBox: options.secretBox,
    logger,
    thresholds: await loadEffectiveThresholds(db, options.thresholds),
    sourceTimeoutMs: options.sourceTimeoutMs ?? 5_000,
  });
  const opened: AlertRecord[] = [];
  for (const condition of found.firing) {
    const outcome = await openAlert(db, condition);
    if (outcome?.opened) opened.push(outcome.alert);
  }
  const resolved = await resolveAlerts(db, {
    kinds: found.evaluatedKinds,
    keep: [...found.firing, ...found.undecided],
  });
  for (const alert of opened) logAlert(logger, alert, 'opened');
  for (const alert of resolved) logAlert(logger, alert, 'resolved');

  const active = await listActiveAlerts(db);
  setActiveAlertsMetric(active);

  const webhook = opened.length + resolved.length > 0 ? await notificationWebhook(options) : null;
  if (webhook) {
    await Promise.all([
      ...opened.map((alert) => notify(options, webhook, alert, 'opened')),
      ...resolved.map((alert) => notify(options, webhook, alert, 'resolved')),
    ]);
  }
  return { opened, resolved, active };
}

/**
 * The webhook that announces alerts: the one set in the console, else the engine's environment
 * variable. A console webhook that cannot be decrypted (the encryption key changed) is logged
 * without its URL, and the variable's webhook, if any, is called instead: a notice somewhere
 * beats none.
 */
async function notificationWebhook(options: AlertEvaluatorOptions): Promise<AlertWebhook | null> {
  try {
    const url = await getAlertWebhookUrl(options.db, { secretBox: options.secretBox });
    if (url) return new AlertWebhook({ url, consoleOrigin: options.consoleOrigin ?? null });
  } catch (error) {
    options.logger.error(
      { error: error instanceof Error ? error.message : String(error) },
      'the alert webhook set in the console cannot be read: set it again in the console',
    );
  }
  return options.webhook ?? null;
}

function logAlert(logger: Logger, alert: AlertRecord, event: 'opened' | 'resolved'): void {
  logger.warn(
    {
      alertId: alert.id,
      kind: alert.kind,
      title: ALERT_TITLES[alert.kind],
      ...(alert.sinkId ? { sinkId: alert.sinkId, sink: alert.targetName } : {}),
      ...(alert.sourceId ? { sourceId: alert.sourceId, source: alert.targetName } : {}),
      summary: alert.summary,
      text: alertText(alert, event),
    },
    event === 'opened' ? 'alert opened' : 'alert resolved',
  );
}

async function notify(
  options: AlertEvaluatorOptions,
  webhook: AlertWebhook,
  alert: AlertRecord,
  event: 'opened' | 'resolved',
): Promise<void> {
  const outcome = await webhook.notify(alert, event);
  const error = outcome.ok ? null : outcome.error;
  if (error) {
    options.logger.warn(
      { alertId: alert.id, kind: alert.kind, sinkId: alert.sinkId, sourceId: alert.sourceId, error },
      `the alert webhook did not take the ${event === 'opened' ? 'opening' : 'resolving'} notice`,
    );
  }
  try {
    await recordAlertNotice(options.db, { alertId: alert.id, event, error });
  } catch (writeError) {
    options.logger.error(
      { err: writeError, alertId: alert.id },
      'could not record how the alert webhook took a notice',
    );
  }
}

/**
 * Evaluates every `intervalMs` (one pass at a time) until stopped. A pass that fails is logged
 * and the next one tries again: alerts are about the system being in trouble, so their own
 * trouble must not stop the engine.
 */
export function startAlertEvaluator(options: AlertEvaluatorOptions & { intervalMs: number }): {
  evaluateNow(): Promise<void>;
  stop(): Promise<void>;
} {
  setActiveAlertsMetric([]);
  const task = startPeriodicTask({
    intervalMs: options.intervalMs,
    run: () => evaluateAlerts(options),
    onError: (error) => options.logger.error({ err: error }, 'evaluating alerts failed'),
  });
  return { evaluateNow: task.runNow, stop: task.stop };
}
