import { useEffect, useRef } from 'react';
import { RelativeTime } from '@/components/ui/relative-time';
import type { Message } from '@/lib/client/api-types';
import { formatBytes } from '@/lib/client/format';
import { MESSAGE_STATUS_LABELS, WAITING_REASON_LABELS } from '@/lib/client/message-status';
import { isThrottled } from '@/lib/client/throttling';
import { formatPosition } from './position';
import { WaitingBehind } from './waiting-behind';

/** One message; the position opens its detail. `highlighted`: the row the keyboard is on. */
export function MessageRow({
  message,
  highlighted,
  onOpen,
}: {
  message: Message;
  highlighted: boolean;
  onOpen: (id: string) => void;
}) {
  const retried = message.deliverCount > 1;
  const throttled = isThrottled(message);
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (highlighted) row.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  return (
    <tr
      ref={row}
      data-testid="message-row"
      data-message-id={message.id}
      aria-current={highlighted ? 'true' : undefined}
      className={`align-top ${highlighted ? 'bg-sky-50 outline-2 -outline-offset-2 outline-sky-600' : 'hover:bg-slate-50'}`}
    >
      <td className="px-3 py-2">
        <button
          type="button"
          onClick={() => onOpen(message.id)}
          className="font-mono text-xs text-sky-700 hover:underline"
          title={`Position ${message.commitLsn}:${message.commitIdx}. Open the message`}
          data-testid="open-message"
        >
          {formatPosition(message)}
        </button>
      </td>
      <td className="px-3 py-2 font-mono text-xs">
        {message.tableSchema}.{message.tableName}
      </td>
      <td className="px-3 py-2">{message.action}</td>
      <td className="max-w-40 truncate px-3 py-2 font-mono text-xs" title={message.group}>
        {message.group}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">
        <span
          className={retried ? 'rounded bg-amber-100 px-1.5 font-semibold text-amber-900' : ''}
          data-testid="deliver-count"
          data-highlighted={retried}
          title={retried ? 'Delivered more than once: earlier attempts failed' : undefined}
        >
          {message.deliverCount}
        </span>
      </td>
      <td className="max-w-64 px-3 py-2 text-xs" data-testid="last-error" data-throttled={throttled}>
        {message.lastError ? (
          <span
            className={`line-clamp-2 ${throttled ? 'text-amber-800' : 'text-red-700'}`}
            title={
              throttled
                ? `Throttled by Kinesis: it waits for the stream's capacity, it is not failing. ${message.lastError.message}`
                : message.lastError.message
            }
          >
            {throttled && <span className="font-semibold">Throttled: </span>}
            <code className="font-semibold">{message.lastError.code}</code> {message.lastError.message}
          </span>
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </td>
      <td className="px-3 py-2 text-xs whitespace-nowrap">
        <OutcomeTime message={message} onOpen={onOpen} />
      </td>
      <td className="px-3 py-2 text-xs whitespace-nowrap">
        <RelativeTime value={message.commitTimestamp ?? message.createdAt} />
      </td>
      <td className="px-3 py-2 text-right text-xs whitespace-nowrap tabular-nums">
        {formatBytes(message.sizeBytes)}
      </td>
    </tr>
  );
}

/**
 * Where a waiting message stands (sending now, behind the failing message of its group, due or
 * when its next attempt is), or when the message was delivered or discarded.
 */
function OutcomeTime({ message, onOpen }: { message: Message; onOpen: (id: string) => void }) {
  switch (message.status) {
    case 'sending':
      return (
        <span data-testid="next-retry" className="font-medium text-sky-800">
          {MESSAGE_STATUS_LABELS.sending}
        </span>
      );
    case 'waiting':
      if (message.blockedBy !== null) return <WaitingBehind blockedBy={message.blockedBy} onOpen={onOpen} />;
      if (message.waitingReason === 'due')
        return (
          <span data-testid="next-retry" title={WAITING_REASON_LABELS.due}>
            Due now
          </span>
        );
      return <NextAttempt message={message} />;
    case 'failing':
      return <NextAttempt message={message} />;
    case 'delivered':
      return <RelativeTime value={message.delivered?.at} />;
    case 'discarded':
      return <RelativeTime value={message.discarded?.at} />;
    default: {
      const unknown: never = message.status;
      return <span>{String(unknown)}</span>;
    }
  }
}

function NextAttempt({ message }: { message: Message }) {
  return (
    <span data-testid="next-retry">
      <RelativeTime value={message.nextAttemptAt} />
      {message.nextAttemptTrigger === 'manual' && <span className="ml-1 text-slate-500">(manual)</span>}
    </span>
  );
}
