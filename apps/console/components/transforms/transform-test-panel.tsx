'use client';

import { useId, useState } from 'react';
import { errorMessage } from '@/lib/client/api-fetch';
import type { TransformKind } from '@/lib/client/api-types';
import { useSinks } from '@/lib/client/queries';
import { useTestTransform } from '@/lib/client/transform-mutations';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { Alert } from '../ui/states';
import { TransformTestResultCard } from './transform-test-result';

type Source = 'sink' | 'pasted';

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
  const [source, setSource] = useState<Source>('sink');
  const [sinkId, setSinkId] = useState(defaultSinkId ?? '');
  const [messageIds, setMessageIds] = useState('');
  const [pasted, setPasted] = useState(EXAMPLE_MESSAGE);
  const [inputError, setInputError] = useState<string>();
  const test = useTestTransform();

  const run = () => {
    setInputError(undefined);
    if (source === 'pasted') {
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
      test.mutate({ definition, message: message as Record<string, unknown>, ...(sinkId ? { sinkId } : {}) });
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
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Run it on</legend>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name={`${id}-source`}
            checked={source === 'sink'}
            onChange={() => setSource('sink')}
            data-testid="test-source-sink"
          />
          Messages of a sink
        </label>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name={`${id}-source`}
            checked={source === 'pasted'}
            onChange={() => setSource('pasted')}
            data-testid="test-source-pasted"
          />
          A message I paste
        </label>
      </fieldset>
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
        <Field label="Message (JSON)" htmlFor={`${id}-message`}>
          <textarea
            id={`${id}-message`}
            className={`${inputClass} font-mono`}
            rows={8}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            spellCheck={false}
            data-testid="test-message"
          />
        </Field>
      )}
      {inputError && <Alert>{inputError}</Alert>}
      {test.isError && <Alert>{errorMessage(test.error)}</Alert>}
      <Button variant="primary" onClick={run} disabled={test.isPending} data-testid="run-test">
        {test.isPending ? 'Running…' : 'Run test'}
      </Button>
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
