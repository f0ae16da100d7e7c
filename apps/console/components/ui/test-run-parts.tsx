'use client';

import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/client/api-fetch';
import { Button } from './button';
import { Field, inputClass } from './field';
import { Alert } from './states';

export type TestSource = 'sink' | 'pasted';

/** Whether a test panel runs on a sink's messages or on one the person pastes. */
export function TestSourceChoice({
  name,
  value,
  onChange,
  sinkLabel,
  testIdPrefix,
}: {
  name: string;
  value: TestSource;
  onChange: (source: TestSource) => void;
  sinkLabel: ReactNode;
  testIdPrefix: string;
}) {
  const option = (source: TestSource, label: ReactNode) => (
    <label className="flex items-center gap-1.5">
      <input
        type="radio"
        name={name}
        checked={value === source}
        onChange={() => onChange(source)}
        data-testid={`${testIdPrefix}-${source}`}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="flex flex-wrap gap-4 text-sm">
      <legend className="sr-only">Run it on</legend>
      {option('sink', sinkLabel)}
      {option('pasted', 'A message I paste')}
    </fieldset>
  );
}

/** The JSON message a test panel runs on. */
export function PastedMessageField({
  id,
  value,
  onChange,
  rows,
  testId,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  testId: string;
}) {
  return (
    <Field label="Message (JSON)" htmlFor={id}>
      <textarea
        id={id}
        className={`${inputClass} font-mono`}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        data-testid={testId}
      />
    </Field>
  );
}

/** What stopped the input or the request, and the button that runs the test. */
export function RunTestControls({
  inputError,
  requestError,
  pending,
  onRun,
  testId,
  primary = false,
}: {
  inputError: string | undefined;
  requestError: unknown;
  pending: boolean;
  onRun: () => void;
  testId: string;
  primary?: boolean;
}) {
  return (
    <>
      {inputError && <Alert>{inputError}</Alert>}
      {requestError ? <Alert>{errorMessage(requestError)}</Alert> : null}
      <Button
        {...(primary && { variant: 'primary' as const })}
        onClick={onRun}
        disabled={pending}
        data-testid={testId}
      >
        {pending ? 'Running…' : 'Run test'}
      </Button>
    </>
  );
}
