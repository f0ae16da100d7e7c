import type { ReactNode } from 'react';
import { prettyJson } from '../../../lib/client/format';
import { CodeBlock } from '../../ui/code-block';

/** JSON as text: React escapes it, so a payload holding markup shows as markup, never runs. */
export function JsonBlock({ title, value, testId }: { title: ReactNode; value: unknown; testId: string }) {
  return (
    <section>
      <h3 className="mb-2 font-semibold">{title}</h3>
      <CodeBlock testId={testId}>{value === undefined ? '(not available)' : prettyJson(value)}</CodeBlock>
    </section>
  );
}
