'use client';

import { useId } from 'react';
import { CodeField } from '@/components/ui/code-field';
import { Field, inputClass } from '@/components/ui/field';
import { TextLink } from '@/components/ui/text-link';
import { useTransforms } from '@/lib/client/queries';
import { RoutingTestPanel } from './routing-test-panel';
import type { ErrorFor, SetSinkValue, SinkFormValues } from './sink-form-values';

const FILTER_EXAMPLE = `(message) => message.record.status !== 'draft'`;
const ROUTING_EXAMPLE = `(message) => \`arn:aws:kinesis:eu-west-1:123456789012:stream/orders-\${message.record.region}\``;

/**
 * Which transform reshapes the messages when sent, which filter drops some when read, and which
 * routing function picks each one's stream.
 */
export function TransformFields({
  values,
  set,
  errorFor,
  sinkId,
}: {
  values: SinkFormValues;
  set: SetSinkValue;
  errorFor: ErrorFor;
  /** The saved sink's id, whose messages the routing function's test may run on. */
  sinkId?: string;
}) {
  const id = useId();
  const query = useTransforms();
  const transforms = query.data?.transforms ?? [];
  // A transform attached but not in the list yet (still loading) keeps its option.
  const known = !values.transformId || transforms.some((transform) => transform.id === values.transformId);
  return (
    <>
      <Field
        label="Transform"
        htmlFor={`${id}-transform`}
        hint={
          <>
            Reshapes each message just before it is sent, failing ones included; the transform&apos;s current
            version is what runs. <TextLink href="/transforms">Write and test transforms</TextLink>.
          </>
        }
        error={errorFor('transformId') ?? (query.isError ? 'The transforms could not be loaded.' : undefined)}
      >
        <select
          id={`${id}-transform`}
          className={inputClass}
          value={values.transformId}
          onChange={(event) => set('transformId', event.target.value)}
          aria-invalid={Boolean(errorFor('transformId')) || undefined}
          data-testid="sink-transform"
        >
          <option value="">None: send messages as stored</option>
          {!known && <option value={values.transformId}>The attached transform</option>}
          {transforms.map((transform) => (
            <option key={transform.id} value={transform.id}>
              {transform.name} (version {transform.version})
            </option>
          ))}
        </select>
      </Field>
      <CodeField
        label="Filter (optional)"
        hint={
          <>
            A function <code>(message) =&gt; boolean</code> run on each change when it is read: false drops it
            (counted as filtered), true keeps it. If it fails or returns anything else, the message is kept
            and a warning is shown on the source. Empty: keep every message. Example:{' '}
            <code>{FILTER_EXAMPLE}</code>
          </>
        }
        error={errorFor('filterSource')}
        value={values.filterSource}
        onChange={(source) => set('filterSource', source)}
        minHeight="4.5rem"
        openLabel="Add a filter"
        testId="sink-filter"
      />
      <CodeField
        label="Routing (optional)"
        hint={
          <>
            A function returning the stream ARN for each message (or <code>{'{ streamArn }'}</code>), run when
            it is sent, on the message as stored. A message whose routing fails, or names no valid stream,
            fails like any delivery error. Empty: every message goes to the stream above. Example:{' '}
            <code>{ROUTING_EXAMPLE}</code>
          </>
        }
        error={errorFor('routingSource')}
        value={values.routingSource}
        onChange={(source) => set('routingSource', source)}
        minHeight="4.5rem"
        openLabel="Add routing"
        testId="sink-routing"
      />
      {values.routingSource.trim() !== '' && (
        <RoutingTestPanel routingSource={values.routingSource} sinkId={sinkId} />
      )}
    </>
  );
}
