'use client';

import { useId } from 'react';
import { inputClass } from '@/components/ui/field';
import { type BackfillTableChoice, choiceKey } from './start-backfill-values';

interface BackfillTableFieldsProps {
  choice: BackfillTableChoice;
  /** The table's primary key columns, from the source; null while unknown. */
  primaryKey: string[] | null;
  onChange: (choice: BackfillTableChoice) => void;
  /** The API's complaint about this table, or its condition or key range. */
  errors: { table?: string; where?: string; keyRange?: string };
}

/** One table of the start dialog: read it or not, and optionally a condition and a key range. */
export function BackfillTableFields({ choice, primaryKey, onChange, errors }: BackfillTableFieldsProps) {
  const id = useId();
  const key = choiceKey(choice);
  const setBound = (end: 'from' | 'to', index: number, value: string) => {
    const values = [...choice[end]];
    values[index] = value;
    onChange({ ...choice, [end]: Array.from(values, (item) => item ?? '') });
  };
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={choice.chosen}
          onChange={(event) => onChange({ ...choice, chosen: event.target.checked })}
          data-testid={`backfill-table-${key}`}
        />
        <code className="font-medium">{key}</code>
      </label>
      {errors.table && <p className="text-red-700">{errors.table}</p>}
      {choice.chosen && (
        <div className="space-y-2 pl-6">
          <div className="space-y-1">
            <label htmlFor={`${id}-where`} className="block text-xs font-medium text-slate-700">
              Only rows where (optional)
            </label>
            <input
              id={`${id}-where`}
              className={`${inputClass} font-mono`}
              value={choice.where}
              placeholder="status = 'open' AND created_at > '2026-01-01'"
              onChange={(event) => onChange({ ...choice, where: event.target.value })}
              aria-invalid={Boolean(errors.where)}
              data-testid={`backfill-where-${key}`}
            />
            {errors.where && <p className="text-red-700">{errors.where}</p>}
          </div>
          {primaryKey && primaryKey.length > 0 ? (
            <fieldset className="space-y-1">
              <legend className="text-xs font-medium text-slate-700">
                Primary key range, inclusive (optional)
              </legend>
              {(['from', 'to'] as const).map((end) => (
                <div key={end} className="flex items-center gap-2">
                  <span className="w-10 text-xs text-slate-500">{end}</span>
                  {primaryKey.map((column, index) => (
                    <input
                      key={column}
                      className={`${inputClass} font-mono`}
                      value={choice[end][index] ?? ''}
                      placeholder={column}
                      aria-label={`${column} ${end}`}
                      onChange={(event) => setBound(end, index, event.target.value)}
                      data-testid={`backfill-${end}-${key}-${column}`}
                    />
                  ))}
                </div>
              ))}
              {errors.keyRange && <p className="text-red-700">{errors.keyRange}</p>}
            </fieldset>
          ) : (
            primaryKey === null && (
              <p className="text-xs text-slate-500">
                The key range needs the table's primary key, which the source did not give.
              </p>
            )
          )}
        </div>
      )}
    </div>
  );
}
