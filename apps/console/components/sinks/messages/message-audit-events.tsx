import { RelativeTime } from '@/components/ui/relative-time';
import type { AuditEvent } from '@/lib/client/api-types';

const VERBS: Record<string, string> = {
  'message.retry': 'Retried',
  'message.discard': 'Discarded',
  'message.resend': 'Re-sent',
};

/** Who retried, discarded or re-sent the message by hand, and when, newest first (from the audit trail). */
export function MessageAuditEvents({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) {
    return <p className="text-sm text-slate-500">Nobody has retried, discarded or re-sent it by hand.</p>;
  }
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="message-audit-events">
      {events.map((event) => {
        const reason = typeof event.details.reason === 'string' ? event.details.reason : null;
        return (
          <li key={event.id} className="flex gap-3 py-1.5" data-testid="message-audit-event">
            <span className="flex-1">
              {VERBS[event.action] ?? event.action} by <span className="font-medium">{event.actor}</span>
              {reason && <span className="text-slate-600"> · {reason}</span>}
            </span>
            <span className="shrink-0 text-slate-500">
              <RelativeTime value={event.at} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
