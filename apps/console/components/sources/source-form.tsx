'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import type { Source } from '@/lib/client/api-types';
import { fieldErrorOf, topErrorOf } from '@/lib/client/form-errors';
import { useCheckSource, useCreateSource, useUpdateSource } from '@/lib/client/mutations';
import { Button } from '../ui/button';
import { CheckList } from '../ui/check-list';
import { ChecksFailed, checksFailed } from '../ui/checks-failed';
import { Field, inputClass } from '../ui/field';
import { Alert } from '../ui/states';
import {
  initialSourceValues,
  SOURCE_FIELDS,
  type SourceFormValues,
  toSourceInput,
} from './source-form-values';
import { SSL_MODE_LABELS } from './ssl-modes';

/** Adds a source (with a "Check" before saving), or edits one when `source` is given. */
export function SourceForm({ source, onSaved }: { source?: Source; onSaved?: () => void }) {
  const editing = Boolean(source);
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState<SourceFormValues>(() => initialSourceValues(source));
  const check = useCheckSource(source?.id);
  const create = useCreateSource();
  const update = useUpdateSource(source?.id ?? '');
  const save = editing ? update : create;

  const set = <K extends keyof SourceFormValues>(key: K, value: SourceFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const error = (field: string) => fieldErrorOf(save.error ?? check.error, field);
  const fieldId = (field: string) => `${id}-${field}`;

  /** Saving runs the checks; `force` is "Save anyway" after they failed. */
  const submit = (force: boolean) => {
    const input = { ...toSourceInput(values, editing), force };
    if (source) {
      update.mutate(input, { onSuccess: () => onSaved?.() });
    } else {
      create.mutate(input, { onSuccess: ({ source: created }) => router.push(`/sources/${created.id}`) });
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(false);
  };

  const topError = checksFailed(save.error)
    ? undefined
    : topErrorOf(save.error ?? check.error, SOURCE_FIELDS);
  const text = (field: keyof SourceFormValues & (typeof SOURCE_FIELDS)[number], props: object = {}) => (
    <input
      id={fieldId(field)}
      className={inputClass}
      value={values[field] as string}
      onChange={(event) => set(field, event.target.value)}
      aria-invalid={error(field) ? true : undefined}
      data-testid={`source-${field}`}
      {...props}
    />
  );

  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-5" data-testid="source-form" noValidate>
      {topError && <Alert>{topError}</Alert>}
      {update.isSuccess && !update.isPending && <Alert tone="success">Saved.</Alert>}

      <Field label="Name" htmlFor={fieldId('name')} error={error('name')}>
        {text('name', { required: true, autoComplete: 'off' })}
      </Field>

      {!editing && (
        <fieldset className="flex gap-4 text-sm">
          <legend className="mb-1 text-sm font-medium text-slate-800">Connection</legend>
          {(['url', 'fields'] as const).map((mode) => (
            <label key={mode} className="flex items-center gap-2">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={values.mode === mode}
                onChange={() => set('mode', mode)}
              />
              {mode === 'url' ? 'As a URL' : 'As host, port, database and user'}
            </label>
          ))}
        </fieldset>
      )}

      {values.mode === 'url' ? (
        <Field
          label="Connection URL"
          htmlFor={fieldId('url')}
          hint="postgres://user@db.example.com:5432/shop?sslmode=require. The password can go in the URL or in its own field."
          error={error('url')}
        >
          {text('url', {
            autoComplete: 'off',
            spellCheck: false,
            placeholder: 'postgres://user@host:5432/database',
          })}
        </Field>
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-4">
          <div className="sm:col-span-3">
            <Field label="Host" htmlFor={fieldId('host')} error={error('host')}>
              {text('host', { autoComplete: 'off', spellCheck: false })}
            </Field>
          </div>
          <Field label="Port" htmlFor={fieldId('port')} error={error('port')}>
            {text('port', { inputMode: 'numeric', placeholder: '5432' })}
          </Field>
          <div className="sm:col-span-2">
            <Field label="Database" htmlFor={fieldId('database')} error={error('database')}>
              {text('database', { autoComplete: 'off', spellCheck: false })}
            </Field>
          </div>
          <div className="sm:col-span-2">
            <Field label="User" htmlFor={fieldId('username')} error={error('username')}>
              {text('username', { autoComplete: 'off', spellCheck: false })}
            </Field>
          </div>
        </div>
      )}

      <Field
        label="Password"
        htmlFor={fieldId('password')}
        hint={
          source?.hasPassword
            ? 'A password is set. Leave this empty to keep it; a new host, port, database or user needs it again (it is only sent where it was saved for).'
            : 'Stored encrypted; it is never shown again.'
        }
        error={error('password')}
      >
        <input
          id={fieldId('password')}
          type="password"
          autoComplete="new-password"
          className={inputClass}
          value={values.password}
          placeholder={source?.hasPassword ? '•••••••• (set)' : undefined}
          onChange={(event) => set('password', event.target.value)}
          disabled={values.removePassword}
          data-testid="source-password"
        />
      </Field>
      {source?.hasPassword && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={values.removePassword}
            onChange={(event) => set('removePassword', event.target.checked)}
          />
          Remove the stored password
        </label>
      )}

      <Field label="TLS (sslmode)" htmlFor={fieldId('sslMode')} error={error('sslMode')}>
        <select
          id={fieldId('sslMode')}
          className={inputClass}
          value={values.sslMode}
          onChange={(event) => set('sslMode', event.target.value as SourceFormValues['sslMode'])}
        >
          <option value="">{editing ? 'keep' : 'from the URL, or prefer'}</option>
          {Object.entries(SSL_MODE_LABELS).map(([mode, label]) => (
            <option key={mode} value={mode}>
              {label}
            </option>
          ))}
        </select>
      </Field>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          label="Publication (optional)"
          htmlFor={fieldId('publicationName')}
          hint="Derived from the name when empty."
          error={error('publicationName')}
        >
          {text('publicationName', { autoComplete: 'off', spellCheck: false })}
        </Field>
        <Field
          label="Replication slot (optional)"
          htmlFor={fieldId('slotName')}
          hint="Derived from the name when empty."
          error={error('slotName')}
        >
          {text('slotName', { autoComplete: 'off', spellCheck: false })}
        </Field>
      </div>

      {check.data && (
        <section aria-label="Check results" className="rounded-lg border border-slate-200 bg-white p-4">
          <CheckList report={check.data.report} />
        </section>
      )}

      <ChecksFailed
        error={save.error}
        what="source"
        saving={save.isPending}
        onSaveAnyway={() => submit(true)}
      />

      <div className="flex gap-2">
        {!editing && (
          <Button
            onClick={() => check.mutate(toSourceInput(values, false))}
            disabled={check.isPending}
            data-testid="check-source"
          >
            {check.isPending ? 'Checking…' : 'Check'}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={save.isPending} data-testid="save-source">
          {save.isPending ? 'Saving…' : editing ? 'Save changes' : 'Add source'}
        </Button>
      </div>
    </form>
  );
}
