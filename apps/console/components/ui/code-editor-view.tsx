'use client';

import { javascript } from '@codemirror/lang-javascript';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import type { CodeEditorProps } from './code-editor';

/**
 * CodeMirror with JavaScript highlighting. Tab is left to the browser, so the editor never traps
 * keyboard focus (Ctrl+] and Ctrl+[ indent); autocompletion is off, so Enter always starts a line.
 */
export default function CodeEditorView({
  value,
  onChange,
  labelledBy,
  describedBy,
  invalid,
  language = 'javascript',
  minHeight = '8rem',
  autoFocus,
  testId,
}: CodeEditorProps) {
  const extensions = useMemo(
    () => [
      ...(language === 'javascript' ? [javascript()] : []),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        'aria-labelledby': labelledBy,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
      }),
    ],
    [language, labelledBy, describedBy, invalid],
  );
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      indentWithTab={false}
      autoFocus={autoFocus}
      basicSetup={{ autocompletion: false, foldGutter: false, searchKeymap: true }}
      minHeight={minHeight}
      maxHeight="28rem"
      className={`overflow-hidden rounded-md border text-sm ${invalid ? 'border-red-500' : 'border-slate-300'}`}
      data-testid={testId}
    />
  );
}
