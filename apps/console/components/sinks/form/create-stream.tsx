'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { errorMessage } from '@/lib/client/api-fetch';
import { type TestConnectionInput, useCreateStream } from '@/lib/client/mutations';
import { StreamCallFailureText } from './stream-call-failure';
import { StreamSummaryText } from './stream-summary-text';

/**
 * Offered when Test connection finds no stream: creates it (named as in the ARN) on demand or
 * with a number of shards, and waits until it is ACTIVE. `onChosen` tells the form whether the
 * person is creating it, so the IAM policy shown adds the permission that needs.
 */
export function CreateStream({
  streamName,
  connection,
  onChosen,
}: {
  streamName: string;
  /** The settings Test connection found no stream with: the stream created is that one. */
  connection: TestConnectionInput;
  onChosen: (chosen: boolean) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'on-demand' | 'provisioned'>('on-demand');
  const [shards, setShards] = useState('1');
  const create = useCreateStream();
  const result = create.data;
  const choose = (chosen: boolean) => {
    setOpen(chosen);
    onChosen(chosen);
  };

  if (result?.ok) {
    return (
      <p
        className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"
        role="status"
        data-testid="create-stream-result"
        data-ok="true"
      >
        {result.created ? 'Created' : 'Found'} the stream <StreamSummaryText stream={result.stream} />. The
        sink can send to it.
      </p>
    );
  }
  if (!open) {
    return (
      <Button onClick={() => choose(true)} data-testid="create-stream-open">
        Create the stream {streamName}…
      </Button>
    );
  }
  const submit = () => {
    create.mutate({
      ...connection,
      capacityMode: mode,
      ...(mode === 'provisioned' ? { shardCount: Number(shards) } : {}),
    });
  };
  return (
    <fieldset
      className="space-y-3 rounded-md border border-slate-200 bg-white p-3"
      data-testid="create-stream"
    >
      <legend className="px-1 text-sm font-medium text-slate-800">Create the stream {streamName}</legend>
      <p className="text-xs text-slate-600">
        In the region of the ARN, with the credentials above (their account must be the ARN's). They need{' '}
        <code>kinesis:CreateStream</code>: see the IAM policy below.
      </p>
      <div className="space-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'on-demand'}
            onChange={() => setMode('on-demand')}
            data-testid="create-stream-on-demand"
          />
          On demand: Kinesis adds capacity as the traffic grows
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'provisioned'}
            onChange={() => setMode('provisioned')}
            data-testid="create-stream-provisioned"
          />
          Provisioned, with a fixed number of shards (1 MiB/s or 1,000 records/s of writes each)
        </label>
        {mode === 'provisioned' && (
          <div className="ml-6 flex items-center gap-2">
            <label htmlFor={`${id}-shards`}>Shards</label>
            <input
              id={`${id}-shards`}
              type="number"
              min={1}
              className={`${inputClass} w-24`}
              value={shards}
              onChange={(event) => setShards(event.target.value)}
              data-testid="create-stream-shards"
            />
          </div>
        )}
      </div>
      <div className="flex gap-2">
        <Button
          variant="primary"
          onClick={submit}
          disabled={create.isPending}
          data-testid="create-stream-submit"
        >
          {create.isPending ? 'Creating… (until it is ACTIVE)' : 'Create stream'}
        </Button>
        <Button onClick={() => choose(false)} disabled={create.isPending}>
          Cancel
        </Button>
      </div>
      <div aria-live="polite">
        {create.isError && (
          <p
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
            data-testid="create-stream-result"
          >
            {errorMessage(create.error)}
          </p>
        )}
        {result?.ok === false && <StreamCallFailureText error={result.error} testId="create-stream-result" />}
      </div>
    </fieldset>
  );
}
