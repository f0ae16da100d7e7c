'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '@/lib/client/api-fetch';
import type { Sink } from '@/lib/client/api-types';
import { useDeleteSink, useSetSinkPaused } from '@/lib/client/mutations';
import { Button, ButtonLink } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';

/** Pause or resume, edit, delete (after confirming). */
export function SinkActions({ sink }: { sink: Sink }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const pause = useSetSinkPaused(sink.id);
  const remove = useDeleteSink(sink.id);
  const paused = sink.pausedAt !== null;
  return (
    <>
      <Button
        onClick={() => pause.mutate(!paused)}
        disabled={pause.isPending}
        data-testid={paused ? 'resume' : 'pause'}
      >
        {paused ? 'Resume' : 'Pause'}
      </Button>
      <ButtonLink href={`/sinks/${sink.id}/edit`} data-testid="edit-sink">
        Edit
      </ButtonLink>
      <Button variant="danger" onClick={() => setConfirming(true)} data-testid="delete-sink">
        Delete
      </Button>
      {pause.isError && (
        <p role="alert" className="w-full text-sm text-red-700">
          {errorMessage(pause.error)}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete the sink ${sink.name}?`}
        confirmLabel="Delete sink"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : undefined}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push('/sinks') })}
      >
        <WaitingMessages waiting={sink.counts.waiting} failing={sink.counts.failing} />
        <p>
          Its stored messages are deleted with it. Changes of its tables committed once it is deleted are not
          sent; tables no other sink takes leave the source's publication, and a source left without sinks has
          its replication slot dropped.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** What deleting loses: the messages not delivered yet, counted as the page last read them. */
function WaitingMessages({ waiting, failing }: { waiting: number; failing: number }) {
  if (waiting + failing === 0) {
    return (
      <p data-testid="delete-sink-waiting">Every message stored so far has been delivered or discarded.</p>
    );
  }
  return (
    <p className="font-medium text-red-800" data-testid="delete-sink-waiting">
      {waiting.toLocaleString('en-US')} waiting and {failing.toLocaleString('en-US')} failing{' '}
      {waiting + failing === 1 ? 'message is' : 'messages are'} not delivered yet: deleting the sink deletes
      them undelivered.
    </p>
  );
}
