'use client';

import { useId, useState } from 'react';
import { errorMessage } from '../../../lib/client/api-fetch';
import type { MessageDetail } from '../../../lib/client/api-types';
import { useDiscardMessage, useRetryMessage } from '../../../lib/client/mutations';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { inputClass } from '../../ui/field';

/** Retry now (failing messages) and Discard (any not yet delivered), with the API's 409 shown as said. */
export function MessageActions({ message }: { message: MessageDetail }) {
  const id = useId();
  const retry = useRetryMessage(message.sinkId);
  const discard = useDiscardMessage(message.sinkId);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const waiting = message.state === 'pending' || message.state === 'failing';
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <Button
          variant="primary"
          onClick={() => retry.mutate(message.id)}
          disabled={message.state !== 'failing' || retry.isPending}
          title={message.state === 'failing' ? undefined : 'Only a failing message can be retried'}
          data-testid="retry-now"
        >
          {retry.isPending ? 'Retrying…' : 'Retry now'}
        </Button>
        <Button
          variant="danger"
          onClick={() => {
            discard.reset();
            setConfirming(true);
          }}
          disabled={!waiting}
          title={waiting ? undefined : 'Only a message not delivered yet can be discarded'}
          data-testid="discard"
        >
          Discard
        </Button>
      </div>
      {retry.isSuccess && (
        <p role="status" className="text-sm text-green-700">
          Queued for an attempt now.
        </p>
      )}
      {retry.isError && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(retry.error)}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Discard this message?"
        confirmLabel="Discard message"
        danger
        pending={discard.isPending}
        error={discard.error ? errorMessage(discard.error) : undefined}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          discard.mutate(
            { messageId: message.id, reason: reason.trim() },
            { onSuccess: () => setConfirming(false) },
          )
        }
      >
        <p>
          It will never be sent. The next message of its group <code>{message.group}</code> can then go. The
          discard is recorded with your name and the time.
        </p>
        <div>
          <label htmlFor={`${id}-reason`} className="mb-1 block font-medium">
            Reason (optional)
          </label>
          <textarea
            id={`${id}-reason`}
            className={inputClass}
            rows={2}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="discard-reason"
          />
        </div>
      </ConfirmDialog>
    </div>
  );
}
