'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import type { TransformDetail, TransformKind } from '@/lib/client/api-types';
import { fieldErrorOf, topErrorOf } from '@/lib/client/form-errors';
import {
  type TransformInput,
  useCreateTransform,
  useUpdateTransform,
} from '@/lib/client/transform-mutations';
import { Button, ButtonLink } from '../ui/button';
import { CodeField } from '../ui/code-field';
import { Field, inputClass } from '../ui/field';
import { Alert } from '../ui/states';
import { STARTER_BODIES, TRANSFORM_KIND_HINTS, TRANSFORM_KIND_LABELS } from './transform-kinds';
import { TransformTestPanel } from './transform-test-panel';

const KINDS: readonly TransformKind[] = ['code', 'path'];
const FIELDS = ['name', 'description', 'kind', 'body'] as const;

/**
 * Creates a transform, or edits `transform`; the test panel below runs what is in the editor,
 * saved or not.
 */
export function TransformEditor({ transform }: { transform?: TransformDetail }) {
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState<TransformInput>(() => ({
    name: transform?.name ?? '',
    description: transform?.description ?? '',
    kind: transform?.kind ?? 'code',
    body: transform?.body ?? STARTER_BODIES.code,
  }));
  const [nameMissing, setNameMissing] = useState(false);
  const create = useCreateTransform();
  const update = useUpdateTransform(transform?.id ?? '');
  const save = transform ? update : create;
  const set = <K extends keyof TransformInput>(key: K, value: TransformInput[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (key === 'name') setNameMissing(false);
    // "Saved" is about what was saved: it goes with the next change.
    if (update.isSuccess) update.reset();
  };
  const changeKind = (kind: TransformKind) => {
    if (update.isSuccess) update.reset();
    // An untouched starter body follows the kind; anything the person wrote stays.
    const untouched = values.body === STARTER_BODIES[values.kind] || values.body.trim() === '';
    setValues((current) => ({ ...current, kind, body: untouched ? STARTER_BODIES[kind] : current.body }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) {
      setNameMissing(true);
      return;
    }
    if (transform) update.mutate(values);
    else
      create.mutate(values, { onSuccess: ({ transform: saved }) => router.push(`/transforms/${saved.id}`) });
  };

  const errorOf = (field: (typeof FIELDS)[number]) => fieldErrorOf(save.error, field);
  const saved = transform && update.isSuccess && !update.isPending ? update.data.transform : undefined;
  return (
    <div className="space-y-8">
      <form onSubmit={onSubmit} className="max-w-3xl space-y-5" data-testid="transform-form" noValidate>
        {topErrorOf(save.error, FIELDS) && <Alert>{topErrorOf(save.error, FIELDS)}</Alert>}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field
            label="Name"
            htmlFor={`${id}-name`}
            error={nameMissing ? 'give the transform a name' : errorOf('name')}
          >
            <input
              id={`${id}-name`}
              className={inputClass}
              value={values.name}
              onChange={(event) => set('name', event.target.value)}
              aria-invalid={nameMissing || Boolean(errorOf('name')) || undefined}
              autoComplete="off"
              data-testid="transform-name"
            />
          </Field>
          <Field label="Description (optional)" htmlFor={`${id}-description`} error={errorOf('description')}>
            <input
              id={`${id}-description`}
              className={inputClass}
              value={values.description}
              onChange={(event) => set('description', event.target.value)}
              data-testid="transform-description"
            />
          </Field>
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">Kind</legend>
          <div className="flex gap-4">
            {KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={kind}
                  checked={values.kind === kind}
                  onChange={() => changeKind(kind)}
                  data-testid={`transform-kind-${kind}`}
                />
                {TRANSFORM_KIND_LABELS[kind]}
              </label>
            ))}
          </div>
        </fieldset>
        {values.kind === 'code' ? (
          <CodeField
            label="Function"
            hint={`${TRANSFORM_KIND_HINTS.code} Tab moves to the next control; Ctrl+] and Ctrl+[ indent.`}
            error={errorOf('body') ?? errorOf('kind')}
            value={values.body}
            onChange={(body) => set('body', body)}
            minHeight="12rem"
            testId="transform-body"
          />
        ) : (
          <Field
            label="Path"
            htmlFor={`${id}-path`}
            hint={TRANSFORM_KIND_HINTS.path}
            error={errorOf('body') ?? errorOf('kind')}
          >
            <input
              id={`${id}-path`}
              className={`${inputClass} font-mono`}
              value={values.body}
              onChange={(event) => set('body', event.target.value)}
              placeholder="record.address"
              spellCheck={false}
              data-testid="transform-path"
            />
          </Field>
        )}
        {saved && (
          <Alert tone="success">
            Saved: version {saved.version} is what{' '}
            {saved.sinks.length === 1 ? 'its sink runs' : 'its sinks run'} now.
          </Alert>
        )}
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={save.isPending} data-testid="save-transform">
            {save.isPending ? 'Saving…' : transform ? 'Save changes' : 'Create transform'}
          </Button>
          <ButtonLink href="/transforms">{transform ? 'Back to transforms' : 'Cancel'}</ButtonLink>
        </div>
      </form>
      <TransformTestPanel
        definition={{ kind: values.kind, body: values.body }}
        defaultSinkId={transform?.sinks[0]?.id}
      />
    </div>
  );
}
