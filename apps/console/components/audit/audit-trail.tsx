'use client';

import { useState } from 'react';
import type { AuditFilter } from '@/lib/client/api-types';
import { Button } from '../ui/button';
import { AuditFilters } from './audit-filters';
import { AUDIT_TARGET_LABELS } from './audit-labels';
import { AuditTable } from './audit-table';

/** The Audit page's body: the filters, the target picked from a row, and the events. */
export function AuditTrail({ initialFilter = {} }: { initialFilter?: AuditFilter }) {
  const [filter, setFilter] = useState<AuditFilter>(initialFilter);
  const target = filter.targetType && filter.targetId ? filter : null;
  return (
    <div className="space-y-4">
      {/* Keyed by the target, so a target picked in the table shows in the filter's own fields. */}
      <AuditFilters key={`${filter.targetType}:${filter.targetId}`} value={filter} onChange={setFilter} />
      {target && (
        <p className="flex items-center gap-2 text-sm text-slate-700" data-testid="audit-target-filter">
          Only {AUDIT_TARGET_LABELS[target.targetType ?? 'sink'].toLowerCase()}{' '}
          <code className="text-xs">{target.targetId}</code>
          <Button variant="ghost" onClick={() => setFilter({ ...filter, targetId: undefined })}>
            Show every {target.targetType}
          </Button>
        </p>
      )}
      <AuditTable filter={filter} onPickTarget={(picked) => setFilter({ ...filter, ...picked })} />
    </div>
  );
}
