'use client';

import { type ReactNode, useId, useState } from 'react';
import { Button } from './button';
import { CodeEditor, type CodeEditorProps } from './code-editor';

interface CodeFieldProps
  extends Omit<CodeEditorProps, 'labelledBy' | 'describedBy' | 'invalid' | 'autoFocus'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /**
   * For an optional field: while it is empty, a button with this label stands in for the editor,
   * which loads (a large download) only when the button is pressed, so the rest of the form
   * does not wait for it.
   */
  openLabel?: string;
}

/** Field's layout for a code editor: a label that names it, its hint and its error. */
export function CodeField({ label, hint, error, testId, openLabel, ...editor }: CodeFieldProps) {
  const id = useId();
  const [opened, setOpened] = useState(false);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const showEditor = !openLabel || opened || editor.value !== '';
  return (
    <div className="space-y-1">
      {/* A contenteditable is not labelable: the editor names itself with aria-labelledby. */}
      <div id={`${id}-label`} className="block text-sm font-medium text-slate-800">
        {label}
      </div>
      {showEditor ? (
        <CodeEditor
          {...editor}
          labelledBy={`${id}-label`}
          describedBy={describedBy || undefined}
          invalid={Boolean(error)}
          autoFocus={opened}
          testId={testId}
        />
      ) : (
        <Button
          aria-describedby={describedBy || undefined}
          onClick={() => setOpened(true)}
          data-testid={testId ? `${testId}-open` : undefined}
        >
          {openLabel}
        </Button>
      )}
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
