import type { ReactNode } from 'react';
import { prettyJson } from '../../../lib/client/format';

/** JSON as text: React escapes it, so a payload holding markup shows as markup, never runs. */
export function JsonBlock({ title, value, testId }: { title: ReactNode; value: unknown; testId: string }) {
  return (
    <section>
      <h3 className="mb-2 font-semibold">{title}</h3>
      <pre
        className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
        data-testid={testId}
      >
        {value === undefined ? '(not available)' : prettyJson(value)}
      </pre>
    </section>
  );
}
