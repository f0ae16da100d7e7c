'use client';

import { useId, useState } from 'react';
import type { AlertFilter, AlertKind } from '../../lib/client/api-types';
import { dateInputOf, endOfDay, startOfDay } from '../audit/audit-dates';
import { FilterBar, FilterInput, FilterSelect } from '../ui/filter-bar';
import { ALERT_KIND_LABELS } from './alert-labels';

interface Draft {
  kind: string;
  /** `YYYY-MM-DD`; whole days in the browser's time zone, bounding when alerts opened. */
  from: string;
  to: string;
}

function draftOf(filter: AlertFilter): Draft {
  return { kind: filter.kind ?? '', from: dateInputOf(filter.since), to: dateInputOf(filter.until, -1) };
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
  const set = (key: keyof Draft) => (text: string) => setDraft((current) => ({ ...current, [key]: text }));
  const apply = () =>
    onChange({
      ...value,
      kind: (draft.kind || undefined) as AlertKind | undefined,
      since: draft.from ? startOfDay(draft.from) : undefined,
      until: draft.to ? endOfDay(draft.to) : undefined,
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
        onChange={set('kind')}
        testId="alert-filter-kind"
        options={Object.entries(ALERT_KIND_LABELS)}
      />
      <FilterInput
        id={`${id}-from`}
        label="Opened from"
        type="date"
        value={draft.from}
        onChange={set('from')}
        testId="alert-filter-from"
      />
      <FilterInput
        id={`${id}-to`}
        label="To"
        type="date"
        value={draft.to}
        onChange={set('to')}
        testId="alert-filter-to"
      />
    </FilterBar>
  );
}
