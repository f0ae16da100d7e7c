'use client';

import { useId } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { ErrorState, LoadingState } from '@/components/ui/states';
import type { SourceTable } from '@/lib/client/api-types';
import { useSources, useSourceTables } from '@/lib/client/queries';
import {
  type ErrorFor,
  newTableChoice,
  type SetSinkValue,
  type SinkFormValues,
  type TableChoice,
  tableKey,
} from './sink-form-values';
import { TableSettings } from './table-settings';

interface SourceTablesPickerProps {
  values: SinkFormValues;
  set: SetSinkValue;
  errorFor: ErrorFor;
  /** Creating a sink: each table may also send the rows it already has. */
  creating?: boolean;
}

/** The source, its tables, and for each chosen table its actions and grouping columns. */
export function SourceTablesPicker({ values, set, errorFor, creating = false }: SourceTablesPickerProps) {
  const id = useId();
  const sources = useSources();
  const tables = useSourceTables(values.sourceId || null);
  const sourceTables = tables.data?.tables ?? [];
  // Tables the sink has that the source no longer lists stay visible, so they can be removed.
  const listed: { key: string; facts: SourceTable | undefined }[] = [
    ...sourceTables.map((facts) => ({ key: tableKey(facts), facts })),
    ...values.tables
      .filter((choice) => !sourceTables.some((facts) => tableKey(facts) === tableKey(choice)))
      .map((choice) => ({ key: tableKey(choice), facts: undefined })),
  ];

  const add = (facts: SourceTable) => set('tables', [...values.tables, newTableChoice(facts)]);
  const remove = (key: string) =>
    set(
      'tables',
      values.tables.filter((choice) => tableKey(choice) !== key),
    );
  const replace = (next: TableChoice) =>
    set(
      'tables',
      values.tables.map((choice) => (tableKey(choice) === tableKey(next) ? next : choice)),
    );

  return (
    <div className="space-y-4">
      <Field label="Source" htmlFor={`${id}-source`} error={errorFor('sourceId')}>
        {sources.isError ? (
          <ErrorState error={sources.error} onRetry={() => sources.refetch()} />
        ) : (
          <select
            id={`${id}-source`}
            className={inputClass}
            value={values.sourceId}
            onChange={(event) => {
              set('sourceId', event.target.value);
              set('tables', []);
            }}
            data-testid="sink-source"
          >
            <option value="">{sources.isPending ? 'Loading sources…' : 'Choose a source'}</option>
            {sources.data?.sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name} ({source.host}/{source.database})
              </option>
            ))}
          </select>
        )}
      </Field>
      {sources.data?.sources.length === 0 && (
        <p className="text-sm text-slate-600">
          No source yet.{' '}
          <ButtonLink href="/sources/new" variant="ghost">
            Add a source
          </ButtonLink>
        </p>
      )}

      {values.sourceId && (
        <fieldset className="space-y-2" data-testid="sink-tables">
          <legend className="text-sm font-medium text-slate-800">Tables</legend>
          {tables.isPending && <LoadingState label="Loading the source's tables…" />}
          {tables.isError && <ErrorState error={tables.error} onRetry={() => tables.refetch()} />}
          {tables.isSuccess && listed.length === 0 && (
            <p className="text-sm text-slate-600">The source database has no tables Shardline can read.</p>
          )}
          {listed.map(({ key, facts }) => {
            const index = values.tables.findIndex((choice) => tableKey(choice) === key);
            const choice = values.tables[index];
            return (
              <div key={key} className="rounded-md border border-slate-200 bg-white p-3">
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={Boolean(choice)}
                    disabled={!facts && !choice}
                    onChange={(event) => {
                      if (!event.target.checked) remove(key);
                      else if (facts) add(facts);
                    }}
                    data-testid={`table-${key}`}
                  />
                  <code className="font-medium">{key}</code>
                  {facts && facts.primaryKey.length === 0 && (
                    <span className="text-xs text-amber-700">no primary key</span>
                  )}
                  {!facts && tables.isSuccess && (
                    <span className="text-xs text-red-700">not found in the source</span>
                  )}
                </label>
                {choice && (
                  <TableSettings
                    choice={choice}
                    facts={facts}
                    onChange={replace}
                    actionsError={errorFor(`tables.${index}.actions`)}
                    groupError={errorFor(`tables.${index}.groupColumns`)}
                    tableError={errorFor(`tables.${index}`)}
                    offerExistingRows={creating}
                  />
                )}
              </div>
            );
          })}
          {errorFor('tables') && <p className="text-sm text-red-700">{errorFor('tables')}</p>}
        </fieldset>
      )}
    </div>
  );
}
