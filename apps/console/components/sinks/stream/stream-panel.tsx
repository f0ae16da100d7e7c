'use client';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Alert, EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import type { Sink } from '@/lib/client/api-types';
import { formatAbsolute } from '@/lib/client/format';
import { useStreamRecords } from '@/lib/client/queries';
import { StreamRecordRow } from './stream-record-row';

const HEADINGS = ['Arrived', 'Shard', 'Sequence number', 'Partition key', 'Data'];

/** The Stream tab of a sink: the newest records read back from its stream, what actually landed. */
export function StreamPanel({ sink }: { sink: Sink }) {
  const query = useStreamRecords(sink.id);
  return (
    <section className="space-y-4" aria-labelledby="stream-title" data-testid="stream">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="stream-title" className="text-lg font-semibold">
            Stream
          </h2>
          <p className="text-sm text-slate-600">
            The newest records in the stream, read back from Kinesis with the sink's credentials: what
            consumers of the stream receive.
          </p>
        </div>
        <Button onClick={() => query.refetch()} disabled={query.isFetching} data-testid="refresh-stream">
          {query.isFetching ? 'Reading…' : 'Refresh'}
        </Button>
      </div>
      <StreamBody query={query} />
    </section>
  );
}

function StreamBody({ query }: { query: ReturnType<typeof useStreamRecords> }) {
  if (query.isPending) return <LoadingState label="Reading the stream…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const answer = query.data;
  if (!answer.ok) {
    return (
      <div data-testid="stream-read-error">
        <Alert>
          <p className="font-medium">
            The stream cannot be read back: <code>{answer.error.code}</code>
          </p>
          <p className="mt-1">{answer.error.message}</p>
          <p className="mt-1 font-medium" data-testid="stream-read-hint">
            {answer.error.hint}
          </p>
        </Alert>
      </div>
    );
  }
  const since = answer.readSince
    ? `since ${formatAbsolute(answer.readSince)}`
    : 'from the oldest record the stream keeps';
  if (answer.records.length === 0) {
    return (
      <EmptyState title="No records in the stream">
        Nothing arrived {since} in {answer.shardCount} shard{answer.shardCount === 1 ? '' : 's'}.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500" data-testid="stream-summary">
        The {answer.records.length} newest record{answer.records.length === 1 ? '' : 's'} of{' '}
        {answer.shardCount} shard{answer.shardCount === 1 ? '' : 's'}, read {since}, newest first.
      </p>
      {!answer.complete && (
        <Alert tone="info">
          A shard holds more records than one look reads: newer records than these may be in the stream.
        </Alert>
      )}
      <DataTable headings={HEADINGS} testId="stream-table">
        {answer.records.map((record) => (
          <StreamRecordRow key={`${record.shardId}/${record.sequenceNumber}`} record={record} />
        ))}
      </DataTable>
    </div>
  );
}
