'use client';

import { formatCount, formatDuration, formatNumber } from '@/lib/client/format';
import { MESSAGE_STATUS_LABELS } from '@/lib/client/message-status';
import { useSinkStats } from '@/lib/client/queries';
import { ErrorState, LoadingState } from '../ui/states';
import { SinkActivity } from './activity/sink-activity';

/** Counters, the oldest failing message's age and the activity chart. */
export function SinkCounters({ sinkId, live }: { sinkId: string; live: boolean }) {
  const query = useSinkStats(sinkId, live);
  if (query.isPending) return <LoadingState label="Loading counters…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { counts, oldestFailingAgeMs } = query.data;
  const counters: { id: string; label: string; value: string; alert?: boolean; title?: string }[] = [
    {
      id: 'waiting',
      label: MESSAGE_STATUS_LABELS.waiting,
      value: formatNumber(counts.waiting),
      title: 'Messages not sent yet (not failing), the ones being sent right now included',
    },
    {
      id: 'sending',
      label: MESSAGE_STATUS_LABELS.sending,
      value: formatNumber(counts.sending),
      title: 'Messages inside a request to Kinesis under way right now',
    },
    { id: 'failing', label: 'Failing', value: formatNumber(counts.failing), alert: counts.failing > 0 },
    {
      id: 'delivered-last-hour',
      label: 'Delivered, last hour',
      value: formatNumber(counts.deliveredLastHour),
    },
    {
      id: 'filtered',
      label: 'Filtered',
      value: formatCount(counts.filteredCount),
      title: "Messages the sink's filter dropped when they were read, since the sink was created",
    },
    {
      id: 'oldest-failing',
      label: 'Oldest failing',
      value: oldestFailingAgeMs === null ? '—' : formatDuration(oldestFailingAgeMs),
      alert: oldestFailingAgeMs !== null,
    },
  ];
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="Counters">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        {counters.map((counter) => (
          <div key={counter.id} data-testid={`counter-${counter.id}`} title={counter.title}>
            <dt className="text-xs uppercase text-slate-500">{counter.label}</dt>
            <dd
              className={`text-2xl font-semibold tabular-nums ${counter.alert ? 'text-red-700' : 'text-slate-900'}`}
            >
              {counter.value}
            </dd>
          </div>
        ))}
      </dl>
      <SinkActivity sinkId={sinkId} live={live} />
    </section>
  );
}
