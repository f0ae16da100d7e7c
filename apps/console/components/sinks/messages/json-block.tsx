'use client';

import { type ReactNode, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { formatBytes, prettyJson } from '@/lib/client/format';

/**
 * Past this size a block waits to be asked for: laying out a megabyte of text takes the browser
 * long enough to freeze the page, and the person may only want the facts or the download.
 */
export const RENDER_ON_DEMAND_BYTES = 64 * 1024;

/**
 * JSON as text: React escapes it, so a payload holding markup shows as markup, never runs. A
 * large one shows its size and is rendered (once, as plain text) when the person asks.
 */
export function JsonBlock({
  title,
  value,
  testId,
  actions,
}: {
  title: ReactNode;
  value: unknown;
  testId: string;
  /** Controls shown beside the title (a download link). */
  actions?: ReactNode;
}) {
  const size = useMemo(() => jsonSize(value), [value]);
  const [asked, setAsked] = useState(false);
  const shown = asked || size <= RENDER_ON_DEMAND_BYTES;
  const text = useMemo(() => (shown && value !== undefined ? prettyJson(value) : null), [shown, value]);
  return (
    <section>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {title}
          {value !== undefined && (
            <span className="ml-2 text-xs font-normal text-slate-500">{formatBytes(size)}</span>
          )}
        </h3>
        {actions}
      </div>
      {value === undefined ? (
        <CodeBlock testId={testId}>(not available)</CodeBlock>
      ) : text === null ? (
        <div
          className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          data-testid={`${testId}-on-demand`}
        >
          <p>{formatBytes(size)} of JSON: shown on demand, so the page stays responsive.</p>
          <Button onClick={() => setAsked(true)}>Show it</Button>
        </div>
      ) : (
        <CodeBlock testId={testId}>{text}</CodeBlock>
      )}
    </section>
  );
}

/** UTF-8 bytes of the value as JSON text (a string is taken as JSON text already). */
function jsonSize(value: unknown): number {
  if (value === undefined) return 0;
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return new TextEncoder().encode(text).length;
}
