'use client';

import Link from 'next/link';
import { useActiveAlerts } from '@/lib/client/queries';
import { RelativeTime } from '../ui/relative-time';
import { TextWithTimes } from '../ui/text-with-times';
import { ALERT_KIND_LABELS } from './alert-labels';

/** The sink's open alerts, one banner each, under its page's header. */
export function SinkAlertBanner({ sinkId }: { sinkId: string }) {
  const query = useActiveAlerts(sinkId, true, true);
  const alerts = query.data?.alerts ?? [];
  if (alerts.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="sink-alerts">
      {alerts.map((alert) => (
        <div
          key={alert.id}
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
          data-testid="alert-banner"
          data-kind={alert.kind}
        >
          <p className="font-medium">
            {ALERT_KIND_LABELS[alert.kind]}{' '}
            <span className="font-normal text-red-700">
              · since <RelativeTime value={alert.openedAt} />
            </span>
          </p>
          <p className="mt-1" data-testid="alert-summary">
            <TextWithTimes text={alert.summary} />
          </p>
          <Link
            href={`/alerts?sinkId=${alert.sinkId}`}
            className="mt-1 inline-block text-xs text-red-800 underline"
          >
            All alerts of this sink
          </Link>
        </div>
      ))}
    </div>
  );
}
