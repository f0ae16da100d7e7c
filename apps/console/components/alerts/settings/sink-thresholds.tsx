'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { EmptyState } from '@/components/ui/states';
import { useSaveSinkThresholds } from '@/lib/client/alert-settings-mutations';
import type { AlertSettingsAnswer, SinkThresholdField, SinkThresholds } from '@/lib/client/api-types';
import { useIsAdmin } from '@/lib/client/session';
import { formatThreshold, fromInput, THRESHOLD_LABELS, toInput } from './threshold-units';

const SINK_FIELDS: SinkThresholdField[] = [
  'groupBlockedMs',
  'sinkFailingMs',
  'sinkNotCapturingMs',
  'sinkThrottledMs',
];

/** Each sink's own thresholds, in seconds: empty uses the installation's. */
export function SinkThresholdsSection({ answer }: { answer: AlertSettingsAnswer }) {
  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="sink-thresholds"
    >
      <h2 id="sink-thresholds" className="text-lg font-semibold text-slate-900">
        Thresholds of one sink
      </h2>
      <p className="text-sm text-slate-600">
        In seconds. A sink's own threshold wins over the installation's; empty uses the installation's.
      </p>
      {answer.sinks.length === 0 ? (
        <EmptyState title="No sink yet" />
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="px-2 py-1 font-medium">Sink</th>
                {SINK_FIELDS.map((field) => (
                  <th key={field} className="px-2 py-1 font-medium">
                    {THRESHOLD_LABELS[field].short}
                  </th>
                ))}
                <th className="px-2 py-1" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {answer.sinks.map((sink) => (
                <SinkThresholdsRow key={sink.sinkId} sink={sink} answer={answer} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SinkThresholdsRow({ sink, answer }: { sink: SinkThresholds; answer: AlertSettingsAnswer }) {
  const isAdmin = useIsAdmin();
  const [draft, setDraft] = useState(() =>
    Object.fromEntries(
      SINK_FIELDS.map((field) => [field, toInput(sink.thresholds[field], answer.thresholdFields[field])]),
    ),
  );
  const save = useSaveSinkThresholds(sink.sinkId);
  const installation = (field: SinkThresholdField) => {
    const info = answer.thresholdFields[field];
    const value = answer.settings.thresholds[field];
    return value === null ? `the engine's (${info.variable})` : formatThreshold(value, info);
  };
  const formId = `sink-thresholds-${sink.sinkId}`;
  return (
    <tr className="align-top" data-testid="sink-thresholds-row">
      <th scope="row" className="px-2 py-2 text-left font-medium">
        <Link href={`/sinks/${sink.sinkId}`} className="text-sky-700 hover:underline">
          {sink.sinkName}
        </Link>
      </th>
      {SINK_FIELDS.map((field) => {
        const info = answer.thresholdFields[field];
        const own = sink.thresholds[field];
        return (
          <td key={field} className="px-2 py-2">
            {isAdmin ? (
              <input
                form={formId}
                type="number"
                min={0}
                step="any"
                className={`${inputClass} w-28`}
                aria-label={`${sink.sinkName}: ${THRESHOLD_LABELS[field].label.toLowerCase()} (s)`}
                placeholder="installation's"
                title={`Empty: the installation's, ${installation(field)}`}
                value={draft[field] ?? ''}
                onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
              />
            ) : (
              <span className={own === null ? 'text-slate-500' : 'text-slate-900'}>
                {own === null ? `installation's` : formatThreshold(own, info)}
              </span>
            )}
          </td>
        );
      })}
      <td className="px-2 py-2">
        {isAdmin && (
          <form
            id={formId}
            className="space-y-1"
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate(
                Object.fromEntries(
                  SINK_FIELDS.map((field) => [
                    field,
                    fromInput(draft[field] ?? '', answer.thresholdFields[field]),
                  ]),
                ),
              );
            }}
          >
            <Button
              type="submit"
              disabled={save.isPending}
              aria-label={`Save the thresholds of ${sink.sinkName}`}
            >
              {save.isPending ? 'Saving…' : 'Save'}
            </Button>
            {save.isSuccess && (
              <p role="status" className="text-xs text-green-700">
                Saved
              </p>
            )}
            {save.error && (
              <p role="alert" className="max-w-xs text-xs text-red-700">
                {save.error.message}
              </p>
            )}
          </form>
        )}
      </td>
    </tr>
  );
}
