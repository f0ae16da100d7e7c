'use client';

import { useState } from 'react';
import type { AlertFilter } from '@/lib/client/api-types';
import { Button } from '../ui/button';
import { AlertFilters } from './alert-filters';
import { AlertTable } from './alert-table';

/** The Alerts page's body: the filters, the open alerts, then the resolved ones (history). */
export function AlertsView({ initialFilter = {} }: { initialFilter?: AlertFilter }) {
  const [filter, setFilter] = useState<AlertFilter>(initialFilter);
  const scoped = filter.sinkId ?? filter.sourceId;
  return (
    <div className="space-y-6">
      <AlertFilters value={filter} onChange={setFilter} />
      {scoped && (
        <p className="flex items-center gap-2 text-sm text-slate-700" data-testid="alert-target-filter">
          Only the {filter.sinkId ? 'sink' : 'source'} <code className="text-xs">{scoped}</code>
          <Button
            variant="ghost"
            onClick={() => setFilter({ ...filter, sinkId: undefined, sourceId: undefined })}
          >
            Show every alert
          </Button>
        </p>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">Active</h2>
        <AlertTable filter={{ ...filter, state: 'active' }} testId="active-alerts" empty="No alert is open" />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">History</h2>
        <AlertTable
          filter={{ ...filter, state: 'resolved' }}
          testId="resolved-alerts"
          empty="No alert has been resolved yet"
        />
      </section>
    </div>
  );
}
