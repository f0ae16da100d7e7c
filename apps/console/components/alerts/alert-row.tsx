import Link from 'next/link';
import type { Alert } from '@/lib/client/api-types';
import { formatDuration } from '@/lib/client/format';
import { RelativeTime } from '../ui/relative-time';
import { TextWithTimes } from '../ui/text-with-times';
import { ALERT_KIND_LABELS, alertTarget, describeNotifications } from './alert-labels';

/** One alert: when it opened, for how long, what, about which sink or source, and why. */
export function AlertRow({ alert }: { alert: Alert }) {
  const target = alertTarget(alert);
  const notice = describeNotifications(alert);
  const lasted = alert.resolvedAt
    ? formatDuration(new Date(alert.resolvedAt).getTime() - new Date(alert.openedAt).getTime())
    : null;
  return (
    <tr
      className="align-top"
      data-testid="alert-row"
      data-kind={alert.kind}
      data-state={alert.resolvedAt ? 'resolved' : 'active'}
    >
      <td className="px-3 py-2 whitespace-nowrap">
        <RelativeTime value={alert.openedAt} />
      </td>
      <td className="px-3 py-2 whitespace-nowrap" data-testid="alert-state">
        {lasted ? (
          <span className="text-slate-600">Resolved after {lasted}</span>
        ) : (
          <span className="font-medium text-red-700">Active</span>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{ALERT_KIND_LABELS[alert.kind]}</td>
      <td className="px-3 py-2">
        <span className="mr-1 text-xs text-slate-500">{target.type}</span>
        <Link href={target.href} className="text-sky-700 hover:underline">
          {target.label}
        </Link>
      </td>
      <td className="px-3 py-2 text-slate-700" data-testid="alert-summary">
        <TextWithTimes text={alert.summary} />
        {notice && <p className="mt-1 text-xs text-slate-500">{notice}</p>}
      </td>
    </tr>
  );
}
