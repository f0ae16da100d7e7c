import type { AuditEvent } from '@/lib/client/api-types';
import { formatBytes, formatDuration, formatNumber } from '@/lib/client/format';
import { describeNarrowing } from '../sinks/backfills/backfill-labels';
import { fieldLabel } from './audit-labels';

type Details = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' ? value : null);

const BULK_VERBS: Partial<Record<AuditEvent['action'], string>> = {
  'bulk.retry': 'retried',
  'bulk.discard': 'discarded',
  'bulk.resend': 're-sent',
};

/** What the event's details say, in words; null when there is nothing beyond the action. */
export function describeAuditDetails(event: AuditEvent): string | null {
  const details = event.details as Details;
  if (event.action.endsWith('.update')) return describeEdit(details);
  if (event.action === 'alerts.settings_changed') return describeAlertSettings(details);
  const bulkVerb = BULK_VERBS[event.action];
  if (bulkVerb) return describeBulk(bulkVerb, details);
  if (event.action.startsWith('backfill.')) return describeBackfill(event.action, details);
  const reason = text(details.reason);
  return reason ? `Reason: ${reason}` : null;
}

/** The tables of a started backfill with their narrowing; the rows done when it was paused or cancelled. */
function describeBackfill(action: string, details: Details): string | null {
  if (action !== 'backfill.start') {
    const rows = count(details.rowsDone);
    return rows === null ? null : `${formatNumber(rows)} rows sent so far`;
  }
  const tables = Array.isArray(details.tables) ? (details.tables as Details[]) : [];
  return `Tables: ${tables.map(describeBackfillTable).join('; ')}`;
}

function describeBackfillTable(table: Details): string {
  const narrowing = describeNarrowing(table as Parameters<typeof describeNarrowing>[0]);
  return [text(table.table) ?? '?', narrowing].filter(Boolean).join(' ');
}

function describeEdit(details: Details): string {
  const fields = Array.isArray(details.fields) ? details.fields.filter((f) => typeof f === 'string') : [];
  const version = count(details.version);
  const madeVersion = fields.includes('kind') || fields.includes('body');
  if (fields.length === 0) return 'Saved without changing anything';
  const changed = `Changed ${listInWords(fields.map(fieldLabel))}`;
  return madeVersion && version !== null ? `${changed} (now version ${version})` : changed;
}

/** Which settings changed: a threshold from and to, the webhook by its host (its URL is never recorded). */
function describeAlertSettings(details: Details): string {
  const thresholds = (details.thresholds ?? {}) as Record<string, { from: number | null; to: number | null }>;
  const parts = Object.entries(thresholds).map(
    ([field, { from, to }]) =>
      `${fieldLabel(`thresholds.${field}`)} from ${thresholdWords(field, from)} to ${thresholdWords(field, to)}`,
  );
  const webhook = text(details.webhook);
  if (webhook)
    parts.unshift(`webhook ${webhook}${text(details.webhookHost) ? ` (${details.webhookHost})` : ''}`);
  return parts.length > 0 ? `Changed ${listInWords(parts)}` : 'Saved without changing anything';
}

function thresholdWords(field: string, value: number | null): string {
  if (value === null) return 'the default';
  return field.endsWith('Bytes') ? formatBytes(value) : formatDuration(value);
}

const BULK_SCOPES: Record<string, string> = {
  retried: 'failing messages',
  discarded: 'waiting and failing messages',
  're-sent': 'delivered messages',
};

function describeBulk(verb: string, details: Details): string {
  const stored = text(details.messageState);
  // Operations queued before the states were named once recorded the stored name.
  const state = stored === 'pending' ? 'waiting' : stored;
  const scope = state ? `${state} messages` : BULK_SCOPES[verb];
  const filter = (details.filter ?? {}) as Details;
  const parts = [
    text(filter.table) && `table ${filter.table}`,
    text(filter.action) && `action ${filter.action}`,
    text(filter.group) && `group ${filter.group}`,
    text(filter.errorCode) && `error code ${filter.errorCode}`,
  ].filter((part): part is string => Boolean(part));
  const which = parts.length > 0 ? `${scope} with ${listInWords(parts)}` : `all ${scope}`;
  const matched = count(details.matched);
  const done = count(details.done);
  const outcome =
    done === null
      ? 'not finished yet'
      : `${formatNumber(done)} ${verb}${details.outcome === 'failed' ? ' before it failed' : ''}`;
  const reason = text(details.reason);
  return [
    `${which[0]?.toUpperCase()}${which.slice(1)}: ${formatNumber(matched)} matched, ${outcome}`,
    reason && `Reason: ${reason}`,
  ]
    .filter(Boolean)
    .join('. ');
}

/** `a`, `a and b`, `a, b and c`. */
function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What the event was done to, and where to see it now (null once it was deleted). */
export function auditTarget(event: AuditEvent): { label: string; href: string | null } {
  const details = event.details as Details;
  if (event.targetType === 'message') {
    const sinkId = text(details.sinkId);
    const sinkName = text(details.sinkName) ?? 'a sink';
    return {
      // The type is shown beside it: `Message 42 of orders`.
      label: `${event.targetId} of ${sinkName}`,
      href: sinkId ? `/sinks/${sinkId}?message=${encodeURIComponent(event.targetId)}` : null,
    };
  }
  if (event.targetType === 'alert_settings') {
    return { label: event.targetName ?? event.targetId, href: '/alerts/settings' };
  }
  const label = event.targetName ?? event.targetId;
  const deleted = event.action.endsWith('.delete');
  const base = { sink: '/sinks', source: '/sources', transform: '/transforms' }[event.targetType];
  return { label, href: base && !deleted ? `${base}/${event.targetId}` : null };
}
