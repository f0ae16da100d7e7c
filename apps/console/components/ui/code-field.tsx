'use client';

import { type ReactNode, useId } from 'react';
import { CodeEditor, type CodeEditorProps } from './code-editor';

interface CodeFieldProps extends Omit<CodeEditorProps, 'labelledBy' | 'describedBy' | 'invalid'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** Field's layout for a code editor: a label that names it, its hint and its error. */
export function CodeField({ label, hint, error, testId, ...editor }: CodeFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="space-y-1">
      {/* A contenteditable is not labelable: the editor names itself with aria-labelledby. */}
      <div id={`${id}-label`} className="block text-sm font-medium text-slate-800">
        {label}
      </div>
      <CodeEditor
        {...editor}
        labelledBy={`${id}-label`}
        describedBy={describedBy || undefined}
        invalid={Boolean(error)}
        testId={testId}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p
          id={`${id}-error`}
          className="text-sm text-red-700"
          data-testid={testId ? `${testId}-error` : undefined}
        >
          {error}
        </p>
      )}
    </div>
  );
}
