'use client';

import { useSourceChecks } from '@/lib/client/queries';
import { Button } from '../ui/button';
import { CheckList } from '../ui/check-list';
import { ErrorState, LoadingState } from '../ui/states';

/** The checks of a saved source, run against its database and its sinks' tables. */
export function SourceChecks({ sourceId }: { sourceId: string }) {
  const query = useSourceChecks(sourceId);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="checks-title">
      <div className="mb-3 flex items-center justify-between">
        <h2 id="checks-title" className="font-semibold">
          Checks
        </h2>
        <Button onClick={() => query.refetch()} disabled={query.isFetching} data-testid="rerun-checks">
          {query.isFetching ? 'Checking…' : 'Run checks again'}
        </Button>
      </div>
      {query.isPending ? (
        <LoadingState label="Checking the source database…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <CheckList report={query.data.report} />
      )}
    </section>
  );
}
