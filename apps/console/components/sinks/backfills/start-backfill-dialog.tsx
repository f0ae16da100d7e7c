'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Alert } from '@/components/ui/states';
import { ApiError, errorMessage } from '@/lib/client/api-fetch';
import type { Sink } from '@/lib/client/api-types';
import { useStartBackfill } from '@/lib/client/mutations';
import { useSourceTables } from '@/lib/client/queries';
import { BackfillTableFields } from './backfill-table-fields';
import {
  type BackfillTableChoice,
  choiceKey,
  initialChoices,
  toBackfillTables,
} from './start-backfill-values';

/** Chooses the tables to backfill and what part of each, then starts it. */
export function StartBackfillDialog({ sink, onClose }: { sink: Sink; onClose: () => void }) {
  const [choices, setChoices] = useState(() => initialChoices(sink.tables));
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const [noTable, setNoTable] = useState(false);
  const start = useStartBackfill(sink.id);
  const sourceTables = useSourceTables(sink.sourceId).data?.tables;

  // An API error about `tables.N…` is shown at that table; anything else at the top.
  const error = start.error;
  const place =
    error instanceof ApiError ? /^tables\.(\d+)(?:\.(where|keyRange))?/.exec(error.field ?? '') : null;
  const errorsFor = (key: string) => {
    if (!place || !error || sentKeys[Number(place[1])] !== key) return {};
    return { [place[2] ?? 'table']: error.message };
  };
  const topError = error && (!place || sentKeys[Number(place[1])] === undefined) ? errorMessage(error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const request = toBackfillTables(choices);
    setNoTable(request === null);
    if (!request) return;
    setSentKeys(request.keys);
    start.mutate({ tables: request.tables }, { onSuccess: onClose });
  };
  const replace = (next: BackfillTableChoice) =>
    setChoices((current) => current.map((choice) => (choiceKey(choice) === choiceKey(next) ? next : choice)));

  return (
    <Dialog open onClose={onClose} title="Start a backfill" testId="backfill-dialog">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <p className="text-sm text-slate-600">
          Sends the rows that already exist, as <code>read</code> messages, table after table in primary-key
          order. Changes made meanwhile still arrive after the row's read. A condition runs on the source with
          its role's rights.
        </p>
        {topError && <Alert>{topError}</Alert>}
        {noTable && <Alert>Choose at least one table.</Alert>}
        {choices.map((choice) => {
          const facts = sourceTables?.find((table) => choiceKey(table) === choiceKey(choice));
          return (
            <BackfillTableFields
              key={choiceKey(choice)}
              choice={choice}
              primaryKey={facts ? facts.primaryKey : null}
              onChange={replace}
              errors={errorsFor(choiceKey(choice))}
            />
          );
        })}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Close</Button>
          <Button type="submit" variant="primary" disabled={start.isPending} data-testid="submit-backfill">
            {start.isPending ? 'Checking and starting…' : 'Start backfill'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
