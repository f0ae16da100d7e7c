'use client';

import { useState } from 'react';
import { formatBytes, formatDuration, formatNumber } from '@/lib/client/format';
import { useSink } from '@/lib/client/queries';
import { AdminOnly } from '../access/admin-only';
import { SinkAlertBanner } from '../alerts/alert-banner';
import { HealthBadge, HealthProblems } from '../ui/health-badge';
import { PageHeader } from '../ui/page-header';
import { ErrorState, LoadingState } from '../ui/states';
import { TextLink } from '../ui/text-link';
import { BackfillsSection } from './backfills/backfills-section';
import { PastBulkOperations } from './bulk-operations/past-bulk-operations';
import { SinkActions } from './sink-actions';
import { SinkCounters } from './sink-counters';
import { SinkTransformSummary } from './sink-transform-summary';
import { SinkViews } from './sink-views';

export function SinkDetail({ sinkId }: { sinkId: string }) {
  // One switch pauses every live view of the page: counters, tabs and the open message.
  const [live, setLive] = useState(true);
  const query = useSink(sinkId, live);
  if (query.isPending) return <LoadingState label="Loading the sink…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { sink } = query.data;
  return (
    <div className="space-y-6">
      <PageHeader
        title={sink.name}
        subtitle={
          <div className="space-y-1">
            <HealthBadge health={sink.health} showReason showFix />
            <p className="font-mono text-xs">{sink.streamArn}</p>
            <p className="text-xs">
              {sink.region} · {sink.accessKeyId ? `key ${sink.accessKeyId}` : 'default AWS credentials'} ·
              backoff cap {formatDuration(sink.backoffCapMs)} ·{' '}
              {sink.maxAttempts ? `${formatNumber(sink.maxAttempts)} attempts` : 'retries until delivered'} ·
              records up to {formatBytes(sink.maxRecordSizeBytes)}
              {sink.aggregateRecords && (
                <span data-testid="sink-aggregates-records"> · aggregated into KPL records</span>
              )}
              {' · '}
              <SinkTransformSummary sink={sink} />
              {sink.sourceId && (
                <>
                  {' · '}
                  <TextLink href={`/sources/${sink.sourceId}`}>source</TextLink>
                </>
              )}
            </p>
          </div>
        }
        actions={
          <AdminOnly>
            <SinkActions sink={sink} />
          </AdminOnly>
        }
      />
      <SinkAlertBanner sinkId={sink.id} />
      <HealthProblems problems={sink.health.problems} />
      <SinkCounters sinkId={sink.id} live={live} />
      <BackfillsSection sink={sink} />
      <SinkViews sink={sink} live={live} onLiveChange={setLive} />
      <PastBulkOperations sinkId={sink.id} />
    </div>
  );
}
