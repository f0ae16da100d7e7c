'use client';

import Link from 'next/link';
import { formatNumber } from '@/lib/client/format';
import { useSinks } from '@/lib/client/queries';
import { parseStreamArn } from '@/lib/client/stream-arn';
import { AdminOnly } from '../access/admin-only';
import { ButtonLink } from '../ui/button';
import { HealthBadge } from '../ui/health-badge';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';

export function SinkList() {
  const query = useSinks();
  if (query.isPending) return <LoadingState label="Loading sinks…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { sinks } = query.data;
  if (sinks.length === 0) {
    return (
      <EmptyState
        title="No sinks yet"
        action={
          <AdminOnly>
            <ButtonLink href="/sinks/new" variant="primary" data-testid="create-sink">
              Create a sink
            </ButtonLink>
          </AdminOnly>
        }
      >
        A sink sends the row changes of a source&apos;s tables to a Kinesis data stream.
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="sink-table">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Stream</th>
            <th className="px-4 py-2 font-medium">Region</th>
            <th className="px-4 py-2 font-medium">Health</th>
            <th className="px-4 py-2 text-right font-medium">Waiting</th>
            <th className="px-4 py-2 text-right font-medium">Failing</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sinks.map((sink) => (
            <tr key={sink.id} data-testid="sink-row">
              <td className="px-4 py-2 font-medium">
                <Link href={`/sinks/${sink.id}`} className="text-sky-700 hover:underline">
                  {sink.name}
                </Link>
              </td>
              <td className="px-4 py-2 font-mono text-xs" title={sink.streamArn}>
                {parseStreamArn(sink.streamArn)?.streamName ?? sink.streamArn}
              </td>
              <td className="px-4 py-2">{sink.region}</td>
              <td className="max-w-sm px-4 py-2">
                <HealthBadge health={sink.health} showReason showFix />
              </td>
              <td className="px-4 py-2 text-right tabular-nums" data-testid="waiting-count">
                {formatNumber(sink.counts.waiting)}
              </td>
              <td
                className={`px-4 py-2 text-right tabular-nums ${sink.counts.failing > 0 ? 'font-semibold text-red-700' : ''}`}
                data-testid="failing-count"
              >
                {formatNumber(sink.counts.failing)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
