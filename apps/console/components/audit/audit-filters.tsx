'use client';

import { type FormEvent, useId, useState } from 'react';
import type { AuditAction, AuditFilter, AuditTargetType } from '../../lib/client/api-types';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
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
  const set = (key: keyof Draft, text: string) => setDraft((current) => ({ ...current, [key]: text }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange({
      action: (draft.action || undefined) as AuditAction | undefined,
      targetType: (draft.targetType || undefined) as AuditTargetType | undefined,
      // Picked from a row; dropped when another kind of target is chosen.
      targetId: !draft.targetType || draft.targetType === value.targetType ? value.targetId : undefined,
      actor: draft.actor.trim() || undefined,
      since: draft.from ? startOfDay(draft.from) : undefined,
      until: draft.to ? endOfDay(draft.to) : undefined,
    });
  };
  const clear = () => {
    setDraft(draftOf({}));
    onChange({});
  };
  const label = 'mb-1 block text-xs font-medium text-slate-600';
  return (
    <form
      onSubmit={apply}
      className="flex flex-wrap items-end gap-3"
      data-testid="audit-filters"
      aria-label="Filter the audit trail"
    >
      <div>
        <label htmlFor={`${id}-action`} className={label}>
          Action
        </label>
        <select
          id={`${id}-action`}
          className={inputClass}
          value={draft.action}
          onChange={(event) => set('action', event.target.value)}
          data-testid="audit-filter-action"
        >
          <option value="">any</option>
          {Object.entries(AUDIT_ACTION_LABELS).map(([action, text]) => (
            <option key={action} value={action}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-target`} className={label}>
          Target
        </label>
        <select
          id={`${id}-target`}
          className={inputClass}
          value={draft.targetType}
          onChange={(event) => set('targetType', event.target.value)}
          data-testid="audit-filter-target-type"
        >
          <option value="">any</option>
          {Object.entries(AUDIT_TARGET_LABELS).map(([type, text]) => (
            <option key={type} value={type}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-actor`} className={label}>
          Who
        </label>
        <input
          id={`${id}-actor`}
          className={inputClass}
          value={draft.actor}
          onChange={(event) => set('actor', event.target.value)}
          placeholder="console"
          data-testid="audit-filter-actor"
        />
      </div>
      <div>
        <label htmlFor={`${id}-from`} className={label}>
          From
        </label>
        <input
          id={`${id}-from`}
          type="date"
          className={inputClass}
          value={draft.from}
          onChange={(event) => set('from', event.target.value)}
          data-testid="audit-filter-from"
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className={label}>
          To
        </label>
        <input
          id={`${id}-to`}
          type="date"
          className={inputClass}
          value={draft.to}
          onChange={(event) => set('to', event.target.value)}
          data-testid="audit-filter-to"
        />
      </div>
      <Button type="submit" data-testid="audit-apply-filters">
        Apply
      </Button>
      <Button variant="ghost" onClick={clear} data-testid="audit-clear-filters">
        Clear
      </Button>
    </form>
  );
}
