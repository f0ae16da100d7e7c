'use client';

import { type ReactNode, useState } from 'react';
import { formatBytes, formatLsn } from '@/lib/client/format';
import { useSource } from '@/lib/client/queries';
import { AdminOnly } from '../access/admin-only';
import { Button } from '../ui/button';
import { HealthBadge, HealthProblems } from '../ui/health-badge';
import { PageHeader } from '../ui/page-header';
import { RelativeTime } from '../ui/relative-time';
import { ErrorState, LoadingState } from '../ui/states';
import { RemoveSource } from './remove-source';
import { SourceChecks } from './source-checks';
import { SourceEvents } from './source-events';
import { SourceForm } from './source-form';

export function SourceDetail({ sourceId }: { sourceId: string }) {
  const query = useSource(sourceId);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <LoadingState label="Loading the source…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { source, events } = query.data;

  const details: [string, ReactNode][] = [
    ['Connection', `${source.username}@${source.host}:${source.port}/${source.database}`],
    ['TLS', source.sslMode],
    ['Password', source.hasPassword ? 'set' : 'none'],
    ['Publication', source.publicationName],
    ['Replication slot', source.slotName],
    ['Stored up to', source.confirmedLsn ? formatLsn(source.confirmedLsn) : '—'],
    [
      'WAL kept by the slot',
      source.health.retainedWalBytes === null
        ? 'unknown (no slot yet, or not checked)'
        : `${formatBytes(source.health.retainedWalBytes)}${source.health.lagBytes === null ? '' : `, of which ${formatBytes(source.health.lagBytes)} not stored yet`}`,
    ],
    ['Checked', <RelativeTime key="checked" value={source.health.checkedAt} fallback="not yet" />],
    ['Reader seen', <RelativeTime key="seen" value={source.readerSeenAt} fallback="never" />],
    [
      'Last error',
      source.lastErrorMessage ? (
        <span key="error" className="text-red-700">
          {source.lastErrorMessage} (<RelativeTime value={source.lastErrorAt} />)
        </span>
      ) : (
        'none'
      ),
    ],
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={source.name}
        subtitle={
          <div className="space-y-1">
            <p>Source</p>
            <HealthBadge health={source.health} subject="source" showReason showFix />
          </div>
        }
        actions={
          <AdminOnly>
            <Button
              onClick={() => setEditing((value) => !value)}
              aria-expanded={editing}
              data-testid="edit-source"
            >
              {editing ? 'Close editing' : 'Edit'}
            </Button>
            <RemoveSource source={source} />
          </AdminOnly>
        }
      />
      {editing && (
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-label="Edit source">
          <SourceForm source={source} onSaved={() => setEditing(false)} />
        </section>
      )}
      <HealthProblems problems={source.health.problems} />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        {details.map(([term, value]) => (
          <div key={term}>
            <dt className="text-slate-500">{term}</dt>
            <dd className="font-medium break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <SourceChecks sourceId={source.id} />
      <SourceEvents events={events} />
    </div>
  );
}
