'use client';

import { useId } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { AggregateRecordsField } from './aggregate-records-field';
import type { ErrorFor, SetSinkValue, SinkFormValues } from './sink-form-values';

/**
 * Retry policy, record size limit, aggregation and endpoint: folded away, their defaults suit
 * most sinks.
 */
export function AdvancedFields({
  values,
  set,
  errorFor,
}: {
  values: SinkFormValues;
  set: SetSinkValue;
  errorFor: ErrorFor;
}) {
  const id = useId();
  const hasError = ['backoffCapMs', 'maxAttempts', 'maxRecordSizeBytes', 'aggregateRecords', 'endpoint'].some(
    (field) => errorFor(field),
  );
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3" open={hasError || undefined}>
      <summary className="cursor-pointer text-sm font-medium">Advanced</summary>
      <div className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field
          label="Backoff cap (seconds)"
          htmlFor={`${id}-backoff`}
          hint="The longest wait between two attempts."
          error={errorFor('backoffCapMs')}
        >
          <input
            id={`${id}-backoff`}
            className={inputClass}
            inputMode="decimal"
            value={values.backoffCapSeconds}
            onChange={(event) => set('backoffCapSeconds', event.target.value)}
          />
        </Field>
        <Field
          label="Maximum attempts"
          htmlFor={`${id}-attempts`}
          hint="Empty: retry until delivered."
          error={errorFor('maxAttempts')}
        >
          <input
            id={`${id}-attempts`}
            className={inputClass}
            inputMode="numeric"
            value={values.maxAttempts}
            onChange={(event) => set('maxAttempts', event.target.value)}
          />
        </Field>
        <Field
          label="Record size limit (KiB)"
          htmlFor={`${id}-size`}
          hint="Larger messages fail before sending. Kinesis allows 1,024 KiB unless the stream says more."
          error={errorFor('maxRecordSizeBytes')}
        >
          <input
            id={`${id}-size`}
            className={inputClass}
            inputMode="numeric"
            value={values.maxRecordSizeKib}
            onChange={(event) => set('maxRecordSizeKib', event.target.value)}
          />
        </Field>
        <div className="sm:col-span-3">
          <AggregateRecordsField
            checked={values.aggregateRecords}
            onChange={(checked) => set('aggregateRecords', checked)}
            error={errorFor('aggregateRecords')}
          />
        </div>
        <div className="sm:col-span-3">
          <Field
            label="Endpoint override"
            htmlFor={`${id}-endpoint`}
            hint="Only for a Kinesis-compatible service or a VPC endpoint; empty uses AWS."
            error={errorFor('endpoint')}
          >
            <input
              id={`${id}-endpoint`}
              className={`${inputClass} font-mono`}
              value={values.endpoint}
              onChange={(event) => set('endpoint', event.target.value)}
              placeholder="https://kinesis.us-east-1.amazonaws.com"
              spellCheck={false}
              data-testid="endpoint"
            />
          </Field>
        </div>
      </div>
    </details>
  );
}
