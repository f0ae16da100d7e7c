'use client';

import { type ReactNode, useState } from 'react';
import { AdminOnly } from '@/components/access/admin-only';
import { Dialog } from '@/components/ui/dialog';
import { RelativeTime } from '@/components/ui/relative-time';
import { ErrorState, LoadingState } from '@/components/ui/states';
import type { MessageDetail, Sink } from '@/lib/client/api-types';
import { formatBytes, formatNumber } from '@/lib/client/format';
import { MESSAGE_STATUS_LABELS, WAITING_REASON_LABELS } from '@/lib/client/message-status';
import { useMessage } from '@/lib/client/queries';
import { isThrottled } from '@/lib/client/throttling';
import { type AskedAttempt, AskedAttemptOutcome, outcomeOf } from './asked-attempt';
import { MessageActions } from './message-actions';
import { MessageAttempts } from './message-attempts';
import { MessageAuditEvents } from './message-audit-events';
import { MessagePayload } from './message-payload';
import { formatPosition } from './position';
import { WaitingBehind } from './waiting-behind';

/** A message's detail in a side panel; Escape or × closes it. */
export function MessageDrawer({
  sinkId,
  transform,
  messageId,
  live,
  onClose,
  onOpenMessage,
}: {
  sinkId: string;
  /** The sink's transform, to name the version its payload after the transform comes from. */
  transform: Sink['transform'];
  messageId: string | null;
  live: boolean;
  onClose: () => void;
  /** Opens another message of the sink (the failing one a blocked message waits behind). */
  onOpenMessage: (id: string) => void;
}) {
  // The retry or re-send asked for here, for the message it was asked for: followed to its outcome.
  const [asked, setAsked] = useState<(AskedAttempt & { messageId: string }) | null>(null);
  const askedHere = asked && asked.messageId === messageId ? asked : null;
  const query = useMessage(
    sinkId,
    messageId,
    live,
    (current) => askedHere !== null && outcomeOf(askedHere, current).kind === 'queued',
  );
  const message = query.data?.message;
  return (
    <Dialog
      open={messageId !== null}
      onClose={onClose}
      placement="side"
      title={message ? `Message ${formatPosition(message)}` : 'Message'}
      testId="message-detail"
    >
      {query.isPending ? (
        <LoadingState label="Loading the message…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <MessageBody
          message={query.data.message}
          transform={transform}
          asked={askedHere}
          onAsked={(next) => messageId && setAsked({ ...next, messageId })}
          onOpenMessage={onOpenMessage}
        />
      )}
    </Dialog>
  );
}

function MessageBody({
  message,
  transform,
  asked,
  onAsked,
  onOpenMessage,
}: {
  message: MessageDetail;
  transform: Sink['transform'];
  asked: AskedAttempt | null;
  onAsked: (asked: AskedAttempt) => void;
  onOpenMessage: (id: string) => void;
}) {
  const facts: [string, ReactNode][] = [
    [
      'Status',
      <span key="status" className="space-y-0.5">
        <span className="block font-medium" data-testid="message-state" data-status={message.status}>
          {MESSAGE_STATUS_LABELS[message.status]}
        </span>
        {message.blockedBy !== null ? (
          <WaitingBehind blockedBy={message.blockedBy} onOpen={onOpenMessage} />
        ) : (
          message.waitingReason && (
            <span className="block text-xs text-slate-600" data-testid="waiting-reason">
              {WAITING_REASON_LABELS[message.waitingReason]}
            </span>
          )
        )}
      </span>,
    ],
    ['Table', `${message.tableSchema}.${message.tableName}`],
    ['Action', message.action],
    [
      'Group',
      <code key="group" className="break-all">
        {message.group}
      </code>,
    ],
    [
      'Position',
      <span key="position" title={`${message.commitLsn}:${message.commitIdx}`}>
        {formatPosition(message)}
      </span>,
    ],
    ['Lane', message.lane],
    ['Deliver count', formatNumber(message.deliverCount)],
    ['Size', formatBytes(message.sizeBytes)],
    ['Committed', <RelativeTime key="committed" value={message.commitTimestamp ?? message.createdAt} />],
    ['Captured', <RelativeTime key="created" value={message.createdAt} />],
  ];
  if (message.status === 'failing' || (message.status === 'waiting' && message.blockedBy === null)) {
    facts.push([
      'Next attempt',
      <span key="next">
        <RelativeTime value={message.nextAttemptAt} /> ({message.nextAttemptTrigger})
      </span>,
    ]);
  }
  if (message.delivered) {
    facts.push(
      ['Delivered', <RelativeTime key="delivered" value={message.delivered.at} />],
      [
        'Stream',
        message.delivered.streamArn ? (
          <code key="stream" className="break-all" data-testid="delivered-stream">
            {message.delivered.streamArn}
          </code>
        ) : (
          <span key="stream" data-testid="delivered-stream">
            the sink&apos;s stream
          </span>
        ),
      ],
      [
        'Shard',
        <code key="shard" data-testid="shard-id">
          {message.delivered.shardId}
        </code>,
      ],
      [
        'Sequence number',
        <code key="seq" className="break-all" data-testid="sequence-number">
          {message.delivered.sequenceNumber}
        </code>,
      ],
    );
  }
  if (message.discarded) {
    facts.push(
      ['Discarded', <RelativeTime key="discarded" value={message.discarded.at} />],
      ['Discarded by', message.discarded.by],
      ['Reason', message.discarded.reason ?? '—'],
    );
  }
  return (
    <div className="space-y-6 text-sm">
      <AdminOnly>
        <MessageActions message={message} onAsked={onAsked} />
      </AdminOnly>
      {asked && <AskedAttemptOutcome asked={asked} message={message} />}
      {message.lastError &&
        (message.state === 'delivered' ? (
          <PastError lastError={message.lastError} />
        ) : isThrottled(message) ? (
          <div
            className="rounded-md border border-amber-200 bg-amber-50 p-3"
            data-testid="message-last-error"
            data-throttled="true"
          >
            <p className="font-medium text-amber-900">
              Throttled by Kinesis: <code>{message.lastError.code}</code> ·{' '}
              <RelativeTime value={message.lastError.at} />
            </p>
            <p className="mt-1 text-amber-800">
              Not failing: it waits for the stream&apos;s capacity and is sent as soon as the stream takes it.
              The sink&apos;s health says how fast the stream takes records.
            </p>
            <p className="mt-1 whitespace-pre-wrap text-amber-800">{message.lastError.message}</p>
          </div>
        ) : (
          <div className="rounded-md border border-red-200 bg-red-50 p-3" data-testid="message-last-error">
            <p className="font-medium text-red-800">
              <code>{message.lastError.code}</code> · <RelativeTime value={message.lastError.at} />
            </p>
            <p className="mt-1 whitespace-pre-wrap text-red-700">{message.lastError.message}</p>
          </div>
        ))}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt className="text-xs text-slate-500">{term}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <MessagePayload message={message} transform={transform} />
      <section>
        <h3 className="mb-2 font-semibold">Attempts</h3>
        <MessageAttempts attempts={message.attempts} />
      </section>
      <section>
        <h3 className="mb-2 font-semibold">Who retried or discarded it</h3>
        <MessageAuditEvents events={message.auditEvents} />
      </section>
    </div>
  );
}

/** A delivered message's last error is history, not a problem: said neutrally. */
function PastError({ lastError }: { lastError: NonNullable<MessageDetail['lastError']> }) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="message-past-error">
      <p className="text-slate-800">
        Earlier attempts failed, the last one <RelativeTime value={lastError.at} />:{' '}
        <code>{lastError.code}</code>
      </p>
      <p className="mt-1 whitespace-pre-wrap text-slate-600">{lastError.message}</p>
    </div>
  );
}
