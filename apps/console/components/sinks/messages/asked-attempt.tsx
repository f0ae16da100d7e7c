import type { MessageDetail } from '@/lib/client/api-types';

/** An attempt a person asked for from the detail: which, and the deliver count when asked. */
export interface AskedAttempt {
  kind: 'retry' | 'resend';
  deliverCountBefore: number;
}

type Outcome = { kind: 'queued' } | { kind: 'delivered' } | { kind: 'failed'; code: string; text: string };

/**
 * What became of the attempt asked for: the deliver count grows once the engine has recorded it,
 * and the message then says how it went. Until then it is queued (a throttle is no outcome: the
 * message still goes as soon as the stream has room).
 */
export function outcomeOf(asked: AskedAttempt, message: MessageDetail): Outcome {
  if (message.status === 'delivered' && message.deliverCount > asked.deliverCountBefore)
    return { kind: 'delivered' };
  if (message.status === 'failing' && message.deliverCount > asked.deliverCountBefore && message.lastError)
    return { kind: 'failed', code: message.lastError.code, text: message.lastError.message };
  return { kind: 'queued' };
}

/** The outcome of the attempt asked for, replacing the "queued" note once it is known. */
export function AskedAttemptOutcome({ asked, message }: { asked: AskedAttempt; message: MessageDetail }) {
  const outcome = outcomeOf(asked, message);
  switch (outcome.kind) {
    case 'queued':
      return (
        <p
          role="status"
          className="text-sm text-slate-700"
          data-testid="attempt-outcome"
          data-outcome="queued"
        >
          {asked.kind === 'retry' ? 'Retrying now' : 'Re-sending'}: waiting for the outcome of the attempt…
        </p>
      );
    case 'delivered':
      return (
        <p
          role="status"
          className="text-sm text-green-700"
          data-testid="attempt-outcome"
          data-outcome="delivered"
        >
          {asked.kind === 'retry' ? 'Delivered.' : 'Delivered again: the consumer receives it once more.'}
        </p>
      );
    case 'failed':
      return (
        <p role="alert" className="text-sm text-red-700" data-testid="attempt-outcome" data-outcome="failed">
          Attempt failed again: <code>{outcome.code}</code>: {outcome.text}
        </p>
      );
    default: {
      const unknown: never = outcome;
      return unknown;
    }
  }
}
