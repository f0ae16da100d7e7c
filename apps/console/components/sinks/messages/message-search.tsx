'use client';

import { type FormEvent, useId, useRef, useState } from 'react';
import { useHotkeys } from 'react-hotkeys-hook';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { MessageFilter } from '@/lib/client/api-types';

type SearchBy = 'key' | 'q';

const SEARCH_BY_LABELS: Record<SearchBy, string> = { key: 'Primary key', q: 'Payload text' };

/**
 * Finds messages by a row's primary key value (`key`) or by text in the payload (`q`), within the
 * selected state and the filter; `/` puts the cursor in it from anywhere on the page.
 */
export function MessageSearch({
  value,
  onChange,
}: {
  value: Pick<MessageFilter, 'key' | 'q'>;
  onChange: (search: Pick<MessageFilter, 'key' | 'q'>) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [by, setBy] = useState<SearchBy>(value.q ? 'q' : 'key');
  const [text, setText] = useState(value.q ?? value.key ?? '');
  useHotkeys('/', () => input.current?.focus(), { useKey: true, preventDefault: true });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    onChange(trimmed ? { [by]: trimmed } : {});
  };
  const active = Boolean(value.key || value.q);
  return (
    <form aria-label="Search messages" onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`${id}-by`} className="mb-1 block text-xs font-medium text-slate-600">
          Search by
        </label>
        <select
          id={`${id}-by`}
          className={inputClass}
          value={by}
          onChange={(event) => setBy(event.target.value as SearchBy)}
          data-testid="message-search-by"
        >
          {Object.entries(SEARCH_BY_LABELS).map(([option, label]) => (
            <option key={option} value={option}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-64 flex-1">
        <label htmlFor={`${id}-text`} className="mb-1 block text-xs font-medium text-slate-600">
          Search messages <kbd className="ml-1 rounded border border-slate-300 px-1 font-mono">/</kbd>
        </label>
        <input
          ref={input}
          id={`${id}-text`}
          type="search"
          className={`${inputClass} w-full font-mono`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={
            by === 'key'
              ? 'e.g. 42, or 7:42 for a composite key'
              : 'text in the payload, as written (case counts)'
          }
          data-testid="message-search"
        />
      </div>
      <Button type="submit" data-testid="message-search-submit">
        Search
      </Button>
      {active && (
        <Button
          variant="ghost"
          onClick={() => {
            setText('');
            onChange({});
          }}
          data-testid="message-search-clear"
        >
          Clear search
        </Button>
      )}
    </form>
  );
}
