'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Alert } from '@/components/ui/states';
import { useSaveAlertSettings } from '@/lib/client/alert-settings-mutations';
import type { AlertSettingsAnswer, AlertThresholdField } from '@/lib/client/api-types';
import { fieldErrorOf, topErrorOf } from '@/lib/client/form-errors';
import { useIsAdmin } from '@/lib/client/session';
import {
  engineDefaultWords,
  formatThreshold,
  fromInput,
  THRESHOLD_LABELS,
  toInput,
  UNIT_WORDS,
} from './threshold-units';

/**
 * The installation's thresholds: set in the console, or left to the engine's environment
 * variable. An admin edits them (empty: the variable applies); a viewer reads them.
 */
export function InstallationThresholds({ answer }: { answer: AlertSettingsAnswer }) {
  const isAdmin = useIsAdmin();
  const fields = Object.keys(answer.thresholdFields) as AlertThresholdField[];
  const stored = answer.settings.thresholds;
  const [draft, setDraft] = useState(() =>
    Object.fromEntries(fields.map((field) => [field, toInput(stored[field], answer.thresholdFields[field])])),
  );
  const save = useSaveAlertSettings();
  const apiFields = fields.map((field) => `thresholds.${field}`);

  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="installation-thresholds"
    >
      <h2 id="installation-thresholds" className="text-lg font-semibold text-slate-900">
        Thresholds for every sink and source
      </h2>
      <p className="text-sm text-slate-600">
        When a condition becomes an alert. A value set here wins over the engine's environment variable; a
        sink's own threshold (below) wins over both. Engines apply a change at their next evaluation.
      </p>
      {isAdmin ? (
        <form
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({
              thresholds: Object.fromEntries(
                fields.map((field) => [field, fromInput(draft[field] ?? '', answer.thresholdFields[field])]),
              ),
            });
          }}
        >
          {fields.map((field) => {
            const info = answer.thresholdFields[field];
            const id = `threshold-${field}`;
            const error = fieldErrorOf(save.error, `thresholds.${field}`);
            return (
              <Field
                key={field}
                htmlFor={id}
                label={`${THRESHOLD_LABELS[field].label} (${UNIT_WORDS[info.unit]})`}
                hint={`Empty: ${engineDefaultWords(info)}.`}
                error={error}
              >
                <input
                  id={id}
                  type="number"
                  min={0}
                  step="any"
                  className={inputClass}
                  value={draft[field] ?? ''}
                  onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
                  aria-invalid={error ? true : undefined}
                />
              </Field>
            );
          })}
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save thresholds'}
            </Button>
            {save.isSuccess && <Alert tone="success">Thresholds saved.</Alert>}
            {topErrorOf(save.error, apiFields) && <Alert>{topErrorOf(save.error, apiFields)}</Alert>}
          </div>
        </form>
      ) : (
        <dl
          className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]"
          data-testid="installation-thresholds"
        >
          {fields.map((field) => {
            const info = answer.thresholdFields[field];
            const value = stored[field];
            return (
              <div key={field} className="contents">
                <dt className="text-slate-600">{THRESHOLD_LABELS[field].label}</dt>
                <dd className="text-slate-900">
                  {value === null
                    ? engineDefaultWords(info)
                    : `${formatThreshold(value, info)} (set in the console)`}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
