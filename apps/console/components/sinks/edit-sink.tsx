'use client';

import { useSink } from '@/lib/client/queries';
import { PageHeader } from '../ui/page-header';
import { ErrorState, LoadingState } from '../ui/states';
import { SinkForm } from './form/sink-form';

export function EditSink({ sinkId }: { sinkId: string }) {
  const query = useSink(sinkId);
  if (query.isPending) return <LoadingState label="Loading the sink…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return (
    <>
      <PageHeader title={`Edit ${query.data.sink.name}`} />
      {/* Keyed so the form starts from the sink as loaded, not from a later refetch. */}
      <SinkForm key={query.data.sink.id} sink={query.data.sink} />
    </>
  );
}
