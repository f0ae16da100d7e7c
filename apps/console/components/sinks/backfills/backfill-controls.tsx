'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/client/api-fetch';
import type { Backfill, BackfillCommand } from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';
import { useBackfillCommand } from '@/lib/client/mutations';

/** Which commands apply in each state; cancelling asks first. */
const COMMANDS: Record<Backfill['state'], BackfillCommand[]> = {
  running: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  failed: ['resume', 'cancel'],
  done: [],
  cancelled: [],
};

const LABELS: Record<BackfillCommand, string> = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel…' };

/** Pause, resume (or retry a failed one) and cancel, for admins. */
export function BackfillControls({ sinkId, backfill }: { sinkId: string; backfill: Backfill }) {
  const [confirming, setConfirming] = useState(false);
  const command = useBackfillCommand(sinkId);
  const run = (name: BackfillCommand) =>
    command.mutate({ backfillId: backfill.id, command: name }, { onSuccess: () => setConfirming(false) });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {COMMANDS[backfill.state].map((name) => (
        <Button
          key={name}
          variant={name === 'cancel' ? 'danger' : 'secondary'}
          disabled={command.isPending}
          onClick={() => (name === 'cancel' ? setConfirming(true) : run(name))}
          data-testid={`${name}-backfill`}
        >
          {backfill.state === 'failed' && name === 'resume' ? 'Retry' : LABELS[name]}
        </Button>
      ))}
      {command.isError && !confirming && (
        <p role="alert" className="w-full text-sm text-red-700">
          {errorMessage(command.error)}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Cancel this backfill?"
        confirmLabel="Cancel backfill"
        danger
        pending={command.isPending}
        error={command.error ? errorMessage(command.error) : undefined}
        onCancel={() => {
          setConfirming(false);
          command.reset();
        }}
        onConfirm={() => run('cancel')}
      >
        <p>
          No more rows are read. The {formatNumber(backfill.rowsDone)} rows already sent or waiting to be sent
          are still delivered. A cancelled backfill cannot be resumed: a new one starts from the first row.
        </p>
      </ConfirmDialog>
    </div>
  );
}
