'use client';

import { useId, useState } from 'react';
import type { AuditAction, AuditFilter, AuditTargetType } from '@/lib/client/api-types';
import { type DayRange, dayRangeOf, instantsOf } from '../ui/day-range';
import { DayRangeFields } from '../ui/day-range-fields';
import { FilterBar, FilterInput, FilterSelect } from '../ui/filter-bar';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from './audit-labels';

interface Draft {
  action: string;
  targetType: string;
  actor: string;
  days: DayRange;
}

function draftOf(filter: AuditFilter): Draft {
  return {
    action: filter.action ?? '',
    targetType: filter.targetType ?? '',
    actor: filter.actor ?? '',
    days: dayRangeOf(filter),
  };
}

/** Action, target type, who and a range of days; applied on submit. A target picked in the table stays. */
export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilter;
  onChange: (filter: AuditFilter) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const set = (key: Exclude<keyof Draft, 'days'>) => (text: string) =>
    setDraft((current) => ({ ...current, [key]: text }));
  const apply = () =>
    onChange({
      action: (draft.action || undefined) as AuditAction | undefined,
      targetType: (draft.targetType || undefined) as AuditTargetType | undefined,
      // Picked from a row; dropped when another kind of target is chosen.
      targetId: !draft.targetType || draft.targetType === value.targetType ? value.targetId : undefined,
      actor: draft.actor.trim() || undefined,
      ...instantsOf(draft.days),
    });
  const clear = () => {
    setDraft(draftOf({}));
    onChange({});
  };
  return (
    <FilterBar
      label="Filter the audit trail"
      onApply={apply}
      onClear={clear}
      testIds={{ form: 'audit-filters', apply: 'audit-apply-filters', clear: 'audit-clear-filters' }}
    >
      <FilterSelect
        id={`${id}-action`}
        label="Action"
        value={draft.action}
        onChange={set('action')}
        testId="audit-filter-action"
        options={Object.entries(AUDIT_ACTION_LABELS)}
      />
      <FilterSelect
        id={`${id}-target`}
        label="Target"
        value={draft.targetType}
        onChange={set('targetType')}
        testId="audit-filter-target-type"
        options={Object.entries(AUDIT_TARGET_LABELS)}
      />
      <FilterInput
        id={`${id}-actor`}
        label="Who"
        value={draft.actor}
        onChange={set('actor')}
        placeholder="console"
        testId="audit-filter-actor"
      />
      <DayRangeFields
        id={id}
        fromLabel="From"
        value={draft.days}
        onChange={(days) => setDraft((current) => ({ ...current, days }))}
        testIdPrefix="audit-filter"
      />
    </FilterBar>
  );
}
