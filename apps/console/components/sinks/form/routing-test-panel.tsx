'use client';

import { useId, useState } from 'react';
import { CodeBlock } from '@/components/ui/code-block';
import {
  PastedMessageField,
  RunTestControls,
  type TestSource,
  TestSourceChoice,
} from '@/components/ui/test-run-parts';
import type { RoutingTestResult } from '@/lib/client/api-types';
import { prettyJson } from '@/lib/client/format';
import { useTestRouting } from '@/lib/client/mutations';
import { parsePastedMessage } from '@/lib/client/pasted-message';

const EXAMPLE_MESSAGE = `{
  "record": { "id": 1, "region": "eu" },
  "changes": null,
  "action": "insert",
  "metadata": { "table_schema": "public", "table_name": "orders" }
}`;

/**
 * Runs the routing function as typed, saved or not, on the sink's messages (once it has some)
 * or on a pasted one, and shows the stream each would go to, or the error delivery would record.
 */
export function RoutingTestPanel({ routingSource, sinkId }: { routingSource: string; sinkId?: string }) {
  const id = useId();
  const [source, setSource] = useState<TestSource>(sinkId ? 'sink' : 'pasted');
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
    const pastedMessage = parsePastedMessage(pasted);
    if (pastedMessage.error !== undefined) {
      setInputError(pastedMessage.error);
      return;
    }
    test.mutate({ routingSource, message: pastedMessage.message });
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
          <TestSourceChoice
            name={`${id}-source`}
            value={source}
            onChange={setSource}
            sinkLabel="This sink's messages (those sent next, then the latest delivered)"
            testIdPrefix="routing-test-source"
          />
        )}
        {source === 'pasted' && (
          <PastedMessageField
            id={`${id}-message`}
            value={pasted}
            onChange={setPasted}
            rows={6}
            testId="routing-test-message"
          />
        )}
        <RunTestControls
          inputError={inputError}
          requestError={test.isError ? test.error : null}
          pending={test.isPending}
          onRun={run}
          testId="run-routing-test"
        />
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
