import type { TransformTestResult } from '@/lib/client/api-types';
import { formatBytes, prettyJson } from '@/lib/client/format';
import { CodeBlock } from '../ui/code-block';

/** One message of a test: what went in, what came out (or the error), its size and the time taken. */
export function TransformTestResultCard({ result }: { result: TransformTestResult }) {
  return (
    <article
      className="space-y-3 rounded-md border border-slate-200 p-3 text-sm"
      data-testid="test-result"
      data-ok={result.error === null}
      data-fits={result.fitsLimit === null ? undefined : String(result.fitsLimit)}
    >
      <header className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <h3 className="font-medium">
          {result.messageId === null ? 'Pasted message' : `Message ${result.messageId}`}
        </h3>
        <span className="text-slate-600" data-testid="test-duration">
          {result.durationMs.toFixed(1)} ms
        </span>
        {result.outputBytes !== null && (
          <span
            className={result.fitsLimit ? 'text-green-700' : 'font-medium text-red-700'}
            data-testid="test-size"
          >
            {formatBytes(utf8Bytes(result.input))} in, {formatBytes(result.outputBytes)} out, of the{' '}
            {formatBytes(result.recordLimitBytes)} record limit
            {result.fitsLimit ? ': fits' : ': too large, it would fail'}
          </span>
        )}
      </header>
      {result.error !== null && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-red-800" role="alert" data-testid="test-error">
          {result.error}
        </p>
      )}
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        <JsonPane title="Input" text={result.input} testId="test-input" />
        {result.output !== null && <JsonPane title="Output" text={result.output} testId="test-output" />}
      </div>
    </article>
  );
}

const encoder = new TextEncoder();

function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** JSON as text: React escapes it, so markup in a message shows as characters, never runs. */
function JsonPane({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <section>
      <h4 className="mb-1 text-xs font-medium uppercase text-slate-500">{title}</h4>
      <CodeBlock testId={testId} className="max-h-72 p-3">
        {prettyJson(text)}
      </CodeBlock>
    </section>
  );
}
