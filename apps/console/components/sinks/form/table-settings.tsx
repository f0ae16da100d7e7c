'use client';

import type { SourceTable } from '@/lib/client/api-types';
import { SendExistingRowsField } from './send-existing-rows-field';
import { CHANGE_ACTIONS, type TableChoice } from './sink-form-values';

interface TableSettingsProps {
  choice: TableChoice;
  /** What the source says about the table; missing while loading or when the table is gone. */
  facts: SourceTable | undefined;
  onChange: (choice: TableChoice) => void;
  actionsError?: string;
  groupError?: string;
  /** An API error about the table as a whole (`tables.3.name`). */
  tableError?: string;
  /** Offer "also send the rows that already exist" (creating a sink only). */
  offerExistingRows?: boolean;
}

/** Which actions of one table become messages, and which columns group them (the partition key). */
export function TableSettings(props: TableSettingsProps) {
  const { choice, facts, onChange, actionsError, groupError, tableError, offerExistingRows } = props;
  const key = `${choice.schema}.${choice.name}`;
  const primaryKey = facts?.primaryKey ?? [];
  const hasPrimaryKey = facts ? primaryKey.length > 0 : true;
  const byPrimaryKey = choice.usePrimaryKey && hasPrimaryKey;

  const toggleAction = (action: (typeof CHANGE_ACTIONS)[number], on: boolean) =>
    onChange({
      ...choice,
      actions: CHANGE_ACTIONS.filter((candidate) =>
        candidate === action ? on : choice.actions.includes(candidate),
      ),
    });
  // Selection order is the order of the columns in the group.
  const toggleColumn = (column: string, on: boolean) =>
    onChange({
      ...choice,
      groupColumns: on
        ? [...choice.groupColumns, column]
        : choice.groupColumns.filter((name) => name !== column),
    });

  return (
    <div
      className="space-y-3 border-t border-slate-100 pt-3 pl-7 text-sm"
      data-testid={`table-settings-${key}`}
    >
      {tableError && <p className="text-red-700">{tableError}</p>}
      <fieldset>
        <legend className="mb-1 font-medium text-slate-700">Actions</legend>
        <div className="flex gap-4">
          {CHANGE_ACTIONS.map((action) => (
            <label key={action} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={choice.actions.includes(action)}
                onChange={(event) => toggleAction(action, event.target.checked)}
                data-testid={`action-${key}-${action}`}
              />
              {action}
            </label>
          ))}
        </div>
        {actionsError && <p className="mt-1 text-red-700">{actionsError}</p>}
      </fieldset>

      <fieldset>
        <legend className="mb-1 font-medium text-slate-700">Grouping columns</legend>
        <p className="mb-2 text-xs text-slate-500">
          Messages of one group are delivered in order, and their values form the partition key.
        </p>
        {hasPrimaryKey && (
          <label className="mb-2 flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={choice.usePrimaryKey}
              onChange={(event) => onChange({ ...choice, usePrimaryKey: event.target.checked })}
              data-testid={`group-by-primary-key-${key}`}
            />
            Group by the primary key
            {primaryKey.length > 0 && <code className="text-xs">({primaryKey.join(', ')})</code>}
          </label>
        )}
        {!byPrimaryKey &&
          (facts ? (
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {facts.columns.map((column) => {
                const position = choice.groupColumns.indexOf(column.name);
                return (
                  <label key={column.name} className="flex items-center gap-1.5">
                    <input
                      type="checkbox"
                      checked={position >= 0}
                      onChange={(event) => toggleColumn(column.name, event.target.checked)}
                      data-testid={`group-column-${key}-${column.name}`}
                    />
                    <code className="text-xs">{column.name}</code>
                    <span className="text-xs text-slate-500">{column.type}</span>
                    {position >= 0 && <span className="text-xs text-sky-700">#{position + 1}</span>}
                  </label>
                );
              })}
            </div>
          ) : (
            <p className="text-slate-600">
              Grouped by <code>{choice.groupColumns.join(', ') || 'nothing yet'}</code>; the table&apos;s
              columns are not available.
            </p>
          ))}
        {groupError && <p className="mt-1 text-red-700">{groupError}</p>}
      </fieldset>
      {offerExistingRows && (
        <SendExistingRowsField
          tableKey={key}
          checked={choice.sendExistingRows}
          onChange={(sendExistingRows) => onChange({ ...choice, sendExistingRows })}
        />
      )}
    </div>
  );
}
