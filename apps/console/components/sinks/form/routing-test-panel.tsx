'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { Field, inputClass } from '@/components/ui/field';
import { Alert } from '@/components/ui/states';
import { errorMessage } from '@/lib/client/api-fetch';
import type { RoutingTestResult } from '@/lib/client/api-types';
import { prettyJson } from '@/lib/client/format';
import { useTestRouting } from '@/lib/client/mutations';

const EXAMPLE_MESSAGE = `{
  "record": { "id": 1, "region": "eu" },
  "changes": null,
  "action": "insert",
  "metadata": { "table_schema": "public", "table_name": "orders" }
}`;

type Source = 'sink' | 'pasted';

/**
 * Runs the routing function as typed, saved or not, on the sink's messages (once it has some)
 * or on a pasted one, and shows the stream each would go to, or the error delivery would record.
 */
export function RoutingTestPanel({ routingSource, sinkId }: { routingSource: string; sinkId?: string }) {
  const id = useId();
  const [source, setSource] = useState<Source>(sinkId ? 'sink' : 'pasted');
  const [pasted, setPasted] = useState(EXAMPLE_MESSAGE);
  const [inputError, setInputError] = useState<string>();
  const test = useTestRouting();

  const run = () => {
    setInputError(undefined);
    if (!routingSource.trim()) {
      setInputError('Write a routing function above to test it.');
      return;
    }
    if (source === 'sink' && sinkId) {
      test.mutate({ routingSource, sinkId });
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(pasted);
    } catch (error) {
      setInputError(`The message is not JSON: ${errorMessage(error)}`);
      return;
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      setInputError('The message must be a JSON object, such as { "record": { … } }.');
      return;
    }
    test.mutate({ routingSource, message: message as Record<string, unknown> });
  };

  const results = test.data?.results;
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="routing-test">
      <summary className="cursor-pointer font-medium text-slate-800">Test the routing function</summary>
      <div className="mt-3 space-y-3">
        <p className="text-slate-600">
          Runs the function above, saved or not, and shows the stream each message would go to: nothing is
          saved or sent.
        </p>
        {sinkId && (
          <fieldset className="flex flex-wrap gap-4">
            <legend className="sr-only">Run it on</legend>
            <label className="flex items-center gap-1.5">
              <input
                type="radio"
                name={`${id}-source`}
                checked={source === 'sink'}
                onChange={() => setSource('sink')}
                data-testid="routing-test-source-sink"
              />
              This sink&apos;s messages (those sent next, then the latest delivered)
            </label>
            <label className="flex items-center gap-1.5">
              <input
                type="radio"
                name={`${id}-source`}
                checked={source === 'pasted'}
                onChange={() => setSource('pasted')}
                data-testid="routing-test-source-pasted"
              />
              A message I paste
            </label>
          </fieldset>
        )}
        {source === 'pasted' && (
          <Field label="Message (JSON)" htmlFor={`${id}-message`}>
            <textarea
              id={`${id}-message`}
              className={`${inputClass} font-mono`}
              rows={6}
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              spellCheck={false}
              data-testid="routing-test-message"
            />
          </Field>
        )}
        {inputError && <Alert>{inputError}</Alert>}
        {test.isError && <Alert>{errorMessage(test.error)}</Alert>}
        <Button onClick={run} disabled={test.isPending} data-testid="run-routing-test">
          {test.isPending ? 'Running…' : 'Run test'}
        </Button>
        {results && (
          <ul className="space-y-2" data-testid="routing-test-results" aria-live="polite">
            {results.length === 0 && (
              <li className="text-slate-600">The sink has no messages to run it on yet.</li>
            )}
            {results.map((result, index) => (
              <RoutingTestResultItem key={result.messageId ?? `pasted-${index}`} result={result} />
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

function RoutingTestResultItem({ result }: { result: RoutingTestResult }) {
  return (
    <li
      className="space-y-1 rounded-md border border-slate-200 p-2"
      data-testid="routing-test-result"
      data-ok={result.error === null}
    >
      <p className="flex flex-wrap gap-x-3">
        <span className="font-medium">
          {result.messageId === null ? 'Pasted message' : `Message ${result.messageId}`}
        </span>
        <span className="text-slate-600">{result.durationMs.toFixed(1)} ms</span>
      </p>
      {result.streamArn !== null ? (
        <p className="text-green-800">
          Goes to{' '}
          <code className="font-mono text-xs" data-testid="routing-test-stream">
            {result.streamArn}
          </code>
        </p>
      ) : (
        <p
          className="rounded-md bg-red-50 px-2 py-1 text-red-800"
          role="alert"
          data-testid="routing-test-error"
        >
          {result.code && <code className="font-semibold">{result.code}</code>} {result.error}
        </p>
      )}
      <details>
        <summary className="cursor-pointer text-xs text-slate-500">The message</summary>
        <CodeBlock className="max-h-48 p-2">{prettyJson(result.input)}</CodeBlock>
      </details>
    </li>
  );
}
