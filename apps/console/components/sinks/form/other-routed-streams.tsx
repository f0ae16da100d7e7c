'use client';

import { Field, inputClass } from '@/components/ui/field';
import type { OtherStreams } from '@/lib/client/iam-policy';

/**
 * The streams a routing function builds at run time, which its code does not spell out: the
 * person lists them (or a pattern) so the policy grants them too. A pattern is granted only once
 * they confirm they checked which streams it covers.
 */
export function OtherRoutedStreams({
  text,
  onTextChange,
  parsed,
  patternsConfirmed,
  onPatternsConfirmedChange,
}: {
  text: string;
  onTextChange: (text: string) => void;
  parsed: OtherStreams;
  patternsConfirmed: boolean;
  onPatternsConfirmedChange: (confirmed: boolean) => void;
}) {
  const error =
    parsed.invalid.length > 0
      ? `Not a stream ARN or an ARN pattern, left out of the policy: ${parsed.invalid.join(', ')}`
      : undefined;
  return (
    <div className="space-y-2">
      <Field
        label="Other streams the routing function can name"
        htmlFor="other-routed-streams"
        hint="Stream ARNs, or a pattern such as arn:aws:kinesis:*:123456789012:stream/orders-*, separated by commas; for the policy only, not saved."
        {...(error && { error })}
      >
        <input
          id="other-routed-streams"
          className={inputClass}
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          aria-invalid={Boolean(error)}
          data-testid="other-routed-streams"
        />
      </Field>
      {parsed.patterns.length > 0 && (
        <label className="flex items-start gap-1.5 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={patternsConfirmed}
            onChange={(event) => onPatternsConfirmedChange(event.target.checked)}
            data-testid="confirm-stream-patterns"
          />
          <span>
            I checked which streams{' '}
            {parsed.patterns.length === 1 ? 'this pattern covers' : 'these patterns cover'} and the sink may
            write to all of them: add {parsed.patterns.join(', ')} to the policy.
          </span>
        </label>
      )}
    </div>
  );
}
