'use client';

import Link from 'next/link';
import { formatBytes, formatLsn } from '@/lib/client/format';
import { useSources } from '@/lib/client/queries';
import { AdminOnly } from '../access/admin-only';
import { ButtonLink } from '../ui/button';
import { HealthBadge } from '../ui/health-badge';
import { RelativeTime } from '../ui/relative-time';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';

export function SourceList() {
  const query = useSources();
  if (query.isPending) return <LoadingState label="Loading sources…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { sources } = query.data;
  if (sources.length === 0) {
    return (
      <EmptyState
        title="No sources yet"
        action={
          <AdminOnly>
            <ButtonLink href="/sources/new" variant="primary" data-testid="add-source">
              Add a source
            </ButtonLink>
          </AdminOnly>
        }
      >
        A source is the Postgres database whose row changes Shardline reads. Add one, then create a sink that
        sends its changes to Kinesis.
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="source-table">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Database</th>
            <th className="px-4 py-2 font-medium">Health</th>
            <th className="px-4 py-2 text-right font-medium">Retained WAL</th>
            <th className="px-4 py-2 font-medium">Stored up to</th>
            <th className="px-4 py-2 font-medium">Reader seen</th>
            <th className="px-4 py-2 font-medium">Last error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sources.map((source) => (
            <tr key={source.id} data-testid="source-row">
              <td className="px-4 py-2 font-medium">
                <Link href={`/sources/${source.id}`} className="text-sky-700 hover:underline">
                  {source.name}
                </Link>
              </td>
              <td className="px-4 py-2 font-mono text-xs">
                {source.host}:{source.port}/{source.database}
              </td>
              <td className="max-w-sm px-4 py-2">
                <HealthBadge health={source.health} subject="source" showReason showFix />
              </td>
              <td className="px-4 py-2 text-right tabular-nums" data-testid="retained-wal">
                {source.health.retainedWalBytes === null ? '—' : formatBytes(source.health.retainedWalBytes)}
              </td>
              <td className="px-4 py-2 font-mono text-xs">
                {source.confirmedLsn ? formatLsn(source.confirmedLsn) : '—'}
              </td>
              <td className="px-4 py-2">
                <RelativeTime value={source.readerSeenAt} fallback="never" />
              </td>
              <td className="max-w-md px-4 py-2">
                {source.lastErrorMessage ? (
                  <span className="text-red-700" title={source.lastErrorMessage}>
                    <span className="line-clamp-2">{source.lastErrorMessage}</span>{' '}
                    <RelativeTime value={source.lastErrorAt} />
                  </span>
                ) : (
                  <span className="text-slate-500">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
