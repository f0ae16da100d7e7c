'use client';

import dynamic from 'next/dynamic';

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The id of the element that names the editor (its label). */
  labelledBy: string;
  /** The id of its hint or error. */
  describedBy?: string;
  invalid?: boolean;
  /** `text` for a one-line path; `javascript` highlights code. */
  language?: 'javascript' | 'text';
  minHeight?: string;
  /** Focus the editor when it appears (after a person asked for it). */
  autoFocus?: boolean;
  testId?: string;
}

/**
 * A code editor. CodeMirror needs the browser's DOM and is large: it is loaded on the client
 * only, when a page shows an editor.
 */
export const CodeEditor = dynamic<CodeEditorProps>(() => import('./code-editor-view'), {
  ssr: false,
  loading: () => (
    <p className="rounded-md border border-slate-300 bg-white px-3 py-6 text-sm text-slate-500" role="status">
      Loading the editor…
    </p>
  ),
});
