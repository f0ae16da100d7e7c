import Link from 'next/link';
import type { AuditEvent, AuditFilter } from '@/lib/client/api-types';
import { RelativeTime } from '../ui/relative-time';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from './audit-labels';
import { auditTarget, describeAuditDetails } from './audit-summary';

/** One event: when, who, what, to what (a link to it while it exists) and the details in words. */
export function AuditRow({
  event,
  onPickTarget,
}: {
  event: AuditEvent;
  /** Narrows the trail to this event's target. */
  onPickTarget: (target: Pick<AuditFilter, 'targetType' | 'targetId'>) => void;
}) {
  const target = auditTarget(event);
  const typeLabel =
    AUDIT_TARGET_LABELS[event.targetType as keyof typeof AUDIT_TARGET_LABELS] ?? event.targetType;
  return (
    <tr className="align-top" data-testid="audit-row" data-action={event.action}>
      <td className="px-3 py-2 whitespace-nowrap">
        <RelativeTime value={event.at} />
      </td>
      <td className="px-3 py-2" data-testid="audit-actor">
        {event.actor}
      </td>
      <td className="px-3 py-2 whitespace-nowrap" data-testid="audit-action">
        {AUDIT_ACTION_LABELS[event.action as keyof typeof AUDIT_ACTION_LABELS] ?? event.action}
      </td>
      <td className="px-3 py-2">
        <span className="mr-1 text-xs text-slate-500">{typeLabel}</span>
        {target.href ? (
          <Link href={target.href} className="text-sky-700 hover:underline" data-testid="audit-target">
            {target.label}
          </Link>
        ) : (
          <span data-testid="audit-target">{target.label}</span>
        )}{' '}
        <button
          type="button"
          className="text-xs text-slate-500 hover:text-slate-800 hover:underline"
          onClick={() =>
            onPickTarget({
              targetType: event.targetType as AuditFilter['targetType'],
              targetId: event.targetId,
            })
          }
          title="Show only the events of this target"
        >
          history
        </button>
      </td>
      <td className="px-3 py-2 text-slate-700" data-testid="audit-details">
        {describeAuditDetails(event) ?? <span className="text-slate-500">—</span>}
      </td>
    </tr>
  );
}
