'use client';

import { useId, useState } from 'react';
import type { AlertFilter, AlertKind } from '@/lib/client/api-types';
import { type DayRange, dayRangeOf, instantsOf } from '../ui/day-range';
import { DayRangeFields } from '../ui/day-range-fields';
import { FilterBar, FilterSelect } from '../ui/filter-bar';
import { ALERT_KIND_LABELS } from './alert-labels';

interface Draft {
  kind: string;
  /** When alerts opened. */
  days: DayRange;
}

function draftOf(filter: AlertFilter): Draft {
  return { kind: filter.kind ?? '', days: dayRangeOf(filter) };
}

/** Kind and a range of days, applied on submit. A sink or source picked by a link stays. */
export function AlertFilters({
  value,
  onChange,
}: {
  value: AlertFilter;
  onChange: (filter: AlertFilter) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const apply = () =>
    onChange({
      ...value,
      kind: (draft.kind || undefined) as AlertKind | undefined,
      ...instantsOf(draft.days),
    });
  const clear = () => {
    setDraft(draftOf({}));
    onChange({});
  };
  return (
    <FilterBar
      label="Filter the alerts"
      onApply={apply}
      onClear={clear}
      testIds={{ form: 'alert-filters', apply: 'alert-apply-filters', clear: 'alert-clear-filters' }}
    >
      <FilterSelect
        id={`${id}-kind`}
        label="Kind"
        value={draft.kind}
        onChange={(kind) => setDraft((current) => ({ ...current, kind }))}
        testId="alert-filter-kind"
        options={Object.entries(ALERT_KIND_LABELS)}
      />
      <DayRangeFields
        id={id}
        fromLabel="Opened from"
        value={draft.days}
        onChange={(days) => setDraft((current) => ({ ...current, days }))}
        testIdPrefix="alert-filter"
      />
    </FilterBar>
  );
}
