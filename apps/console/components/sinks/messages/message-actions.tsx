'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { inputClass } from '@/components/ui/field';
import { errorMessage } from '@/lib/client/api-fetch';
import type { MessageDetail } from '@/lib/client/api-types';
import { useDiscardMessage, useResendMessage, useRetryMessage } from '@/lib/client/mutations';
import type { AskedAttempt } from './asked-attempt';

/**
 * Retry now (failing messages), Discard (any not yet delivered) and Re-send (delivered ones),
 * with the API's 409 shown as said. `onAsked` hears of a retry or re-send the API took, so the
 * detail can follow that attempt to its outcome.
 */
export function MessageActions({
  message,
  onAsked,
}: {
  message: MessageDetail;
  onAsked: (asked: AskedAttempt) => void;
}) {
  const id = useId();
  const retry = useRetryMessage(message.sinkId);
  const discard = useDiscardMessage(message.sinkId);
  const resend = useResendMessage(message.sinkId);
  const [confirming, setConfirming] = useState<'discard' | 'resend' | null>(null);
  const [reason, setReason] = useState('');
  const waiting = message.state === 'pending' || message.state === 'failing';
  const ask = (kind: AskedAttempt['kind']) => () =>
    onAsked({ kind, deliverCountBefore: message.deliverCount });
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <Button
          variant="primary"
          onClick={() => retry.mutate(message.id, { onSuccess: ask('retry') })}
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
            setConfirming('discard');
          }}
          disabled={!waiting}
          title={waiting ? undefined : 'Only a message not delivered yet can be discarded'}
          data-testid="discard"
        >
          Discard
        </Button>
        {message.state === 'delivered' && (
          <Button
            onClick={() => {
              resend.reset();
              setConfirming('resend');
            }}
            data-testid="resend"
          >
            Re-send
          </Button>
        )}
      </div>
      {[retry, resend].map(
        (mutation, index) =>
          mutation.isError && (
            <p key={index === 0 ? 'retry' : 'resend'} role="alert" className="text-sm text-red-700">
              {errorMessage(mutation.error)}
            </p>
          ),
      )}
      <ConfirmDialog
        open={confirming === 'resend'}
        title="Re-send this delivered message?"
        confirmLabel="Re-send message"
        pending={resend.isPending}
        error={resend.error ? errorMessage(resend.error) : undefined}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          resend.mutate(message.id, {
            onSuccess: () => {
              setConfirming(null);
              ask('resend')();
            },
          })
        }
      >
        <p>
          The consumer will receive it again, as a new record with the same idempotency key. It goes before
          the later changes of its group <code>{message.group}</code> that are still waiting, never after
          them. The re-send is recorded with your name and the time.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'discard'}
        title="Discard this message?"
        confirmLabel="Discard message"
        danger
        pending={discard.isPending}
        error={discard.error ? errorMessage(discard.error) : undefined}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          discard.mutate(
            { messageId: message.id, reason: reason.trim() },
            { onSuccess: () => setConfirming(null) },
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
