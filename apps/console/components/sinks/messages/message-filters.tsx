'use client';

import { type FormEvent, useId, useState } from 'react';
import type { MessageAction, MessageFilter, SinkTable } from '../../../lib/client/api-types';
import { Button } from '../../ui/button';
import { inputClass } from '../../ui/field';

const ACTION_LABELS: Record<MessageAction, string> = {
  insert: 'insert',
  update: 'update',
  delete: 'delete',
  read: 'read (backfill)',
};

/** Table, action, group and error code; applied on submit so typing does not flood the API. */
export function MessageFilters({
  tables,
  value,
  onChange,
}: {
  tables: SinkTable[];
  value: MessageFilter;
  onChange: (filter: MessageFilter) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<MessageFilter>(value);
  const set = (key: keyof MessageFilter, text: string) =>
    setDraft((current) => ({ ...current, [key]: text === '' ? undefined : text }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(
      Object.entries(draft).filter((entry): entry is [string, string] => Boolean(entry[1]?.trim())),
    ) as MessageFilter;
    onChange(trimmed);
  };
  const clear = () => {
    setDraft({});
    onChange({});
  };
  const label = 'mb-1 block text-xs font-medium text-slate-600';
  return (
    <form
      onSubmit={apply}
      className="flex flex-wrap items-end gap-3"
      data-testid="message-filters"
      aria-label="Filter messages"
    >
      <div>
        <label htmlFor={`${id}-table`} className={label}>
          Table
        </label>
        <select
          id={`${id}-table`}
          className={inputClass}
          value={draft.table ?? ''}
          onChange={(event) => set('table', event.target.value)}
          data-testid="filter-table"
        >
          <option value="">any</option>
          {tables.map((table) => (
            <option key={`${table.schema}.${table.name}`} value={`${table.schema}.${table.name}`}>
              {table.schema}.{table.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-action`} className={label}>
          Action
        </label>
        <select
          id={`${id}-action`}
          className={inputClass}
          value={draft.action ?? ''}
          onChange={(event) => set('action', event.target.value)}
          data-testid="filter-action"
        >
          <option value="">any</option>
          {Object.entries(ACTION_LABELS).map(([action, text]) => (
            <option key={action} value={action}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-group`} className={label}>
          Group
        </label>
        <input
          id={`${id}-group`}
          className={`${inputClass} font-mono`}
          value={draft.group ?? ''}
          onChange={(event) => set('group', event.target.value)}
          data-testid="filter-group"
        />
      </div>
      <div>
        <label htmlFor={`${id}-error`} className={label}>
          Error code
        </label>
        <input
          id={`${id}-error`}
          className={`${inputClass} font-mono`}
          value={draft.errorCode ?? ''}
          onChange={(event) => set('errorCode', event.target.value)}
          data-testid="filter-error-code"
        />
      </div>
      <Button type="submit" data-testid="apply-filters">
        Apply
      </Button>
      <Button variant="ghost" onClick={clear} data-testid="clear-filters">
        Clear
      </Button>
    </form>
  );
}
