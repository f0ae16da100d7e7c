'use client';

import { useId, useState } from 'react';
import { FilterBar, FilterInput, FilterSelect } from '@/components/ui/filter-bar';
import type { MessageAction, MessageFilter, SinkTable } from '@/lib/client/api-types';

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
  const set = (key: keyof MessageFilter) => (text: string) =>
    setDraft((current) => ({ ...current, [key]: text === '' ? undefined : text }));
  const apply = () =>
    onChange(
      Object.fromEntries(
        Object.entries(draft).filter((entry): entry is [string, string] => Boolean(entry[1]?.trim())),
      ) as MessageFilter,
    );
  const clear = () => {
    setDraft({});
    onChange({});
  };
  return (
    <FilterBar
      label="Filter messages"
      onApply={apply}
      onClear={clear}
      testIds={{ form: 'message-filters', apply: 'apply-filters', clear: 'clear-filters' }}
    >
      <FilterSelect
        id={`${id}-table`}
        label="Table"
        value={draft.table ?? ''}
        onChange={set('table')}
        testId="filter-table"
        options={tables.map((table) => {
          const key = `${table.schema}.${table.name}`;
          return [key, key];
        })}
      />
      <FilterSelect
        id={`${id}-action`}
        label="Action"
        value={draft.action ?? ''}
        onChange={set('action')}
        testId="filter-action"
        options={Object.entries(ACTION_LABELS)}
      />
      <FilterInput
        id={`${id}-group`}
        label="Group"
        value={draft.group ?? ''}
        onChange={set('group')}
        testId="filter-group"
        monospace
      />
      <FilterInput
        id={`${id}-error`}
        label="Error code"
        value={draft.errorCode ?? ''}
        onChange={set('errorCode')}
        testId="filter-error-code"
        monospace
      />
    </FilterBar>
  );
}
