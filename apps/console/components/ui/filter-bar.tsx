'use client';

import type { FormEvent, ReactNode } from 'react';
import { Button } from './button';
import { inputClass } from './field';

const LABEL = 'mb-1 block text-xs font-medium text-slate-600';

/**
 * A row of filters applied on submit (so typing does not flood the API), with Apply and Clear.
 * `testIds` name the form and its two buttons for the browser tests.
 */
export function FilterBar({
  label,
  onApply,
  onClear,
  testIds,
  children,
}: {
  label: string;
  onApply: () => void;
  onClear: () => void;
  testIds: { form: string; apply: string; clear: string };
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-3"
      data-testid={testIds.form}
      aria-label={label}
    >
      {children}
      <Button type="submit" data-testid={testIds.apply}>
        Apply
      </Button>
      <Button variant="ghost" onClick={onClear} data-testid={testIds.clear}>
        Clear
      </Button>
    </form>
  );
}

interface FilterControl {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  testId: string;
}

/** A choice among `options` (value and text), or any. */
export function FilterSelect({
  id,
  label,
  value,
  onChange,
  testId,
  options,
}: FilterControl & { options: Array<[string, string]> }) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <select
        id={id}
        className={inputClass}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
      >
        <option value="">any</option>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Free text (or a date), matched as the API says. */
export function FilterInput({
  id,
  label,
  value,
  onChange,
  testId,
  type,
  placeholder,
  monospace = false,
}: FilterControl & { type?: 'date'; placeholder?: string; monospace?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        className={monospace ? `${inputClass} font-mono` : inputClass}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        data-testid={testId}
      />
    </div>
  );
}
