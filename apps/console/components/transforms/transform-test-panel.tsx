'use client';

import { useId, useState } from 'react';
import type { TransformKind } from '@/lib/client/api-types';
import { parsePastedMessage } from '@/lib/client/pasted-message';
import { useSinks } from '@/lib/client/queries';
import { useTestTransform } from '@/lib/client/transform-mutations';
import { Field, inputClass } from '../ui/field';
import { PastedMessageField, RunTestControls, type TestSource, TestSourceChoice } from '../ui/test-run-parts';
import { TransformTestResultCard } from './transform-test-result';

const EXAMPLE_MESSAGE = `{
  "record": { "id": 1, "customer": "Ada", "note": "first" },
  "changes": null,
  "action": "insert",
  "metadata": { "table_schema": "public", "table_name": "orders" }
}`;

/**
 * Runs the editor's definition, saved or not, on messages of a sink or on a pasted one, and shows
 * each input, output, its size against the record limit, the time taken, or the error.
 */
export function TransformTestPanel({
  definition,
  defaultSinkId,
}: {
  definition: { kind: TransformKind; body: string };
  defaultSinkId?: string;
}) {
  const id = useId();
  const sinks = useSinks().data?.sinks;
  const [source, setSource] = useState<TestSource>('sink');
  const [sinkId, setSinkId] = useState(defaultSinkId ?? '');
  const [messageIds, setMessageIds] = useState('');
  const [pasted, setPasted] = useState(EXAMPLE_MESSAGE);
  const [inputError, setInputError] = useState<string>();
  const test = useTestTransform();

  const run = () => {
    setInputError(undefined);
    if (source === 'pasted') {
      const pastedMessage = parsePastedMessage(pasted);
      if (pastedMessage.error !== undefined) {
        setInputError(pastedMessage.error);
        return;
      }
      test.mutate({ definition, message: pastedMessage.message, ...(sinkId ? { sinkId } : {}) });
      return;
    }
    if (!sinkId) {
      setInputError('Choose the sink whose messages to run it on.');
      return;
    }
    const ids = messageIds.split(/[\s,]+/).filter(Boolean);
    test.mutate({ definition, sinkId, ...(ids.length > 0 ? { messageIds: ids } : {}) });
  };

  const results = test.data?.results;
  return (
    <section
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby={`${id}-title`}
      data-testid="transform-test"
    >
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Test
        </h2>
        <p className="text-sm text-slate-600">
          Runs what is in the editor, saved or not, on real messages: nothing is saved or sent.
        </p>
      </div>
      <TestSourceChoice
        name={`${id}-source`}
        value={source}
        onChange={setSource}
        sinkLabel="Messages of a sink"
        testIdPrefix="test-source"
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          label={source === 'sink' ? 'Sink' : 'Sink (optional, for its record size limit)'}
          htmlFor={`${id}-sink`}
        >
          <select
            id={`${id}-sink`}
            className={inputClass}
            value={sinkId}
            onChange={(event) => setSinkId(event.target.value)}
            data-testid="test-sink"
          >
            <option value="">{source === 'sink' ? 'Choose a sink…' : 'None (1 MiB limit)'}</option>
            {sinks?.map((sink) => (
              <option key={sink.id} value={sink.id}>
                {sink.name}
              </option>
            ))}
          </select>
        </Field>
        {source === 'sink' && (
          <Field
            label="Message ids (optional)"
            htmlFor={`${id}-ids`}
            hint="Empty: its failing and waiting messages first, then the latest delivered (5 at most)."
          >
            <input
              id={`${id}-ids`}
              className={`${inputClass} font-mono`}
              value={messageIds}
              onChange={(event) => setMessageIds(event.target.value)}
              placeholder="1042, 1043"
              inputMode="numeric"
              data-testid="test-message-ids"
            />
          </Field>
        )}
      </div>
      {source === 'pasted' && (
        <PastedMessageField
          id={`${id}-message`}
          value={pasted}
          onChange={setPasted}
          rows={8}
          testId="test-message"
        />
      )}
      <RunTestControls
        inputError={inputError}
        requestError={test.isError ? test.error : null}
        pending={test.isPending}
        onRun={run}
        testId="run-test"
        primary
      />
      {results && (
        <div className="space-y-4" data-testid="test-results" aria-live="polite">
          {results.length === 0 ? (
            <p className="text-sm text-slate-600">The sink has no messages to run it on yet.</p>
          ) : (
            results.map((result, index) => (
              <TransformTestResultCard key={result.messageId ?? `pasted-${index}`} result={result} />
            ))
          )}
        </div>
      )}
    </section>
  );
}
