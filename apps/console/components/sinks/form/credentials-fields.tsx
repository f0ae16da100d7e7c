'use client';

import { useId } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import type { Sink } from '@/lib/client/api-types';
import type { ErrorFor, SetSinkValue, SinkFormValues } from './sink-form-values';

/** An access key, or the default AWS credentials of the machine the engine runs on. */
export function CredentialsFields({
  values,
  set,
  errorFor,
  sink,
}: {
  values: SinkFormValues;
  set: SetSinkValue;
  errorFor: ErrorFor;
  sink?: Sink;
}) {
  const id = useId();
  const secretKept = Boolean(sink?.hasSecretAccessKey);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">AWS credentials</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${id}-credentials`}
            checked={values.credentials === 'keys'}
            onChange={() => set('credentials', 'keys')}
            data-testid="credentials-keys"
          />
          An access key
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${id}-credentials`}
            checked={values.credentials === 'default'}
            onChange={() => set('credentials', 'default')}
            data-testid="credentials-default"
          />
          Use the default AWS credentials (environment, profile or instance role)
        </label>
      </div>
      {values.credentials === 'keys' && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field label="Access key id" htmlFor={`${id}-key`} error={errorFor('accessKeyId')}>
            <input
              id={`${id}-key`}
              className={`${inputClass} font-mono`}
              value={values.accessKeyId}
              onChange={(event) => set('accessKeyId', event.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-testid="access-key-id"
            />
          </Field>
          <Field
            label="Secret access key"
            htmlFor={`${id}-secret`}
            hint={
              secretKept
                ? 'A secret is set. Leave this empty to keep it; a new endpoint or region needs it again (it is only sent where it was saved for).'
                : 'Stored encrypted; it is never shown again.'
            }
            error={errorFor('secretAccessKey')}
          >
            <input
              id={`${id}-secret`}
              type="password"
              className={`${inputClass} font-mono`}
              value={values.secretAccessKey}
              onChange={(event) => set('secretAccessKey', event.target.value)}
              placeholder={secretKept ? '•••••••• (set)' : undefined}
              autoComplete="new-password"
              data-testid="secret-access-key"
            />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
