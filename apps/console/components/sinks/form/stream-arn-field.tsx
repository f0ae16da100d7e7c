'use client';

import { useId, useState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { parseStreamArn, STREAM_ARN_FORMAT } from '@/lib/client/stream-arn';
import { streamArnError } from './sink-form-values';

/** The stream ARN, checked as typed (after the first blur), with the region and stream read from it. */
export function StreamArnField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const id = useId();
  const [touched, setTouched] = useState(Boolean(value));
  const arn = parseStreamArn(value);
  const liveError = touched && value ? streamArnError(value) : undefined;
  return (
    <Field
      label="Kinesis stream ARN"
      htmlFor={id}
      hint={
        arn ? (
          <span data-testid="stream-arn-parsed">
            Region <strong data-testid="stream-region">{arn.region}</strong>, account {arn.accountId}, stream{' '}
            {arn.streamName}
          </span>
        ) : (
          STREAM_ARN_FORMAT
        )
      }
      error={liveError ?? error}
    >
      <input
        id={id}
        className={`${inputClass} font-mono`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => setTouched(true)}
        placeholder="arn:aws:kinesis:us-east-1:123456789012:stream/orders"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={liveError || error ? true : undefined}
        data-testid="stream-arn"
      />
    </Field>
  );
}
