'use client';

import { useId, useState } from 'react';
import type { AuditAction, AuditFilter, AuditTargetType } from '../../lib/client/api-types';
import { FilterBar, FilterInput, FilterSelect } from '../ui/filter-bar';
import { dateInputOf, endOfDay, startOfDay } from './audit-dates';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from './audit-labels';

interface Draft {
  action: string;
  targetType: string;
  actor: string;
  /** `YYYY-MM-DD`, as a date input holds it; whole days in the browser's time zone. */
  from: string;
  to: string;
}

function draftOf(filter: AuditFilter): Draft {
  return {
    action: filter.action ?? '',
    targetType: filter.targetType ?? '',
    actor: filter.actor ?? '',
    from: dateInputOf(filter.since),
    to: dateInputOf(filter.until, -1),
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
  const set = (key: keyof Draft) => (text: string) => setDraft((current) => ({ ...current, [key]: text }));
  const apply = () =>
    onChange({
      action: (draft.action || undefined) as AuditAction | undefined,
      targetType: (draft.targetType || undefined) as AuditTargetType | undefined,
      // Picked from a row; dropped when another kind of target is chosen.
      targetId: !draft.targetType || draft.targetType === value.targetType ? value.targetId : undefined,
      actor: draft.actor.trim() || undefined,
      since: draft.from ? startOfDay(draft.from) : undefined,
      until: draft.to ? endOfDay(draft.to) : undefined,
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
      <FilterInput
        id={`${id}-from`}
        label="From"
        type="date"
        value={draft.from}
        onChange={set('from')}
        testId="audit-filter-from"
      />
      <FilterInput
        id={`${id}-to`}
        label="To"
        type="date"
        value={draft.to}
        onChange={set('to')}
        testId="audit-filter-to"
      />
    </FilterBar>
  );
}
