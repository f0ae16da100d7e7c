'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/field';
import { errorMessage } from '@/lib/client/api-fetch';
import type {
  BulkAction,
  BulkOperationInput,
  MessageCounts,
  MessageFilter,
  MessageState,
} from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';
import { useStartBulkOperation } from '@/lib/client/mutations';
import { BulkProgress } from './bulk-progress';
import { apiStateOf, describeFilter, MESSAGE_TABS } from './message-states';

const BULK: Record<BulkAction, { label: string; testId: string; outcome: string }> = {
  retry: { label: 'Retry all', testId: 'bulk-retry', outcome: 'will be attempted again now' },
  discard: { label: 'Discard all', testId: 'bulk-discard', outcome: 'will be discarded and never sent' },
  resend: {
    label: 'Re-send all',
    testId: 'bulk-resend',
    outcome:
      'will be sent again: the consumer receives each once more, before the later changes of its group still waiting',
  },
};

/**
 * Which bulk actions a tab offers: failing messages can be retried, waiting and failing ones
 * discarded, delivered ones re-sent (a consumer lost data).
 */
function actionsFor(state: MessageState): BulkAction[] {
  switch (state) {
    case 'failing':
      return ['retry', 'discard'];
    case 'pending':
      return ['discard'];
    case 'delivered':
      return ['resend'];
    case 'discarded':
      return [];
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
}

/**
 * Retry or discard every stored message of the tab that the filter matches, however many: the
 * count (from /messages/counts) is shown before confirming, the work runs in the background and
 * its progress is polled.
 */
export function BulkActions({
  sinkId,
  state,
  filter,
  counts,
}: {
  sinkId: string;
  state: MessageState;
  filter: MessageFilter;
  counts: MessageCounts | undefined;
}) {
  const id = useId();
  const start = useStartBulkOperation(sinkId);
  const [action, setAction] = useState<BulkAction | null>(null);
  const [operationId, setOperationId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  // Fixed when the dialog opens: what was counted is what is sent.
  const [target, setTarget] = useState<{ state: MessageState; filter: MessageFilter } | null>(null);

  const offered = actionsFor(state);
  const affected = counts ? MESSAGE_TABS[state].count(counts) : undefined;
  if (offered.length === 0) return null;

  const open = (next: BulkAction) => {
    start.reset();
    setOperationId(null);
    setReason('');
    setTarget({ state, filter });
    setAction(next);
  };
  const close = () => setAction(null);
  const confirm = () => {
    if (!action || !target) return;
    const body: BulkOperationInput = {
      action,
      state: apiStateOf(target.state) as BulkOperationInput['state'],
      filter: target.filter,
    };
    start.mutate(action === 'discard' && reason.trim() ? { ...body, reason: reason.trim() } : body, {
      onSuccess: ({ operation }) => setOperationId(operation.id),
    });
  };
  const count = affected === undefined ? '…' : formatNumber(affected);

  return (
    <div className="flex gap-2">
      {offered.map((key) => (
        <Button
          key={key}
          variant={key === 'discard' ? 'danger' : 'secondary'}
          onClick={() => open(key)}
          disabled={!affected}
          data-testid={BULK[key].testId}
        >
          {BULK[key].label}
        </Button>
      ))}
      <Dialog
        open={action !== null}
        onClose={close}
        title={action ? BULK[action].label : ''}
        testId="bulk-dialog"
      >
        {action && target && (
          <div className="space-y-4 text-sm">
            {operationId ? (
              <BulkProgress sinkId={sinkId} operationId={operationId} />
            ) : (
              <>
                <p data-testid="bulk-count">
                  <strong>{count}</strong> {MESSAGE_TABS[target.state].label.toLowerCase()} messages{' '}
                  {BULK[action].outcome}.
                </p>
                <p className="text-slate-600">Filter: {describeFilter(target.filter)}.</p>
                {action === 'discard' && (
                  <div>
                    <label htmlFor={`${id}-reason`} className="mb-1 block font-medium">
                      Reason (optional, recorded with the discard)
                    </label>
                    <textarea
                      id={`${id}-reason`}
                      className={inputClass}
                      rows={2}
                      value={reason}
                      onChange={(event) => setReason(event.target.value)}
                    />
                  </div>
                )}
                {start.isError && (
                  <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
                    {errorMessage(start.error)}
                  </p>
                )}
              </>
            )}
            <div className="flex justify-end gap-2">
              <Button onClick={close} data-testid="cancel">
                {operationId ? 'Close' : 'Cancel'}
              </Button>
              {!operationId && (
                <Button
                  variant={action === 'discard' ? 'danger' : 'primary'}
                  disabled={start.isPending || !affected}
                  onClick={confirm}
                  data-testid="confirm"
                >
                  {start.isPending ? 'Starting…' : `${BULK[action].label} (${count})`}
                </Button>
              )}
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
