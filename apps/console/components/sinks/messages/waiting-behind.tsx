import { WAITING_REASON_LABELS } from '@/lib/client/message-status';

/** "Waiting behind #id": a message blocked by the failing message of its group, which the link opens. */
export function WaitingBehind({ blockedBy, onOpen }: { blockedBy: string; onOpen: (id: string) => void }) {
  return (
    <span data-testid="waiting-behind" title={WAITING_REASON_LABELS.blocked}>
      Waiting behind{' '}
      <button
        type="button"
        onClick={() => onOpen(blockedBy)}
        className="font-mono text-sky-700 hover:underline"
        aria-label={`Open message ${blockedBy}, the failing message it waits behind`}
        data-testid="blocked-by"
      >
        #{blockedBy}
      </button>
    </span>
  );
}
