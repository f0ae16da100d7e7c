'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiError, errorMessage } from '@/lib/client/api-fetch';
import type { Source } from '@/lib/client/api-types';
import { useDeleteSource } from '@/lib/client/mutations';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';

/** Remove, after confirming; a 409 (a sink still reads from it) is shown as the API words it. */
export function RemoveSource({ source }: { source: Source }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useDeleteSource(source.id);
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  const error = remove.error
    ? remove.error instanceof ApiError && remove.error.status === 409
      ? `${remove.error.message} Delete or edit the sinks that read from it first.`
      : errorMessage(remove.error)
    : undefined;
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} data-testid="remove-source">
        Remove
      </Button>
      <ConfirmDialog
        open={open}
        title={`Remove the source ${source.name}?`}
        confirmLabel="Remove source"
        danger
        pending={remove.isPending}
        error={error}
        onCancel={close}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push('/sources') })}
      >
        <p>
          Shardline stops reading its changes and drops its replication slot <code>{source.slotName}</code>{' '}
          and publication <code>{source.publicationName}</code> on {source.host}/{source.database}.
        </p>
        <p data-testid="remove-source-wal">
          Dropping the slot releases the WAL the server keeps for it: from then on nothing is kept for
          Shardline. Changes committed after that cannot be read again.
        </p>
      </ConfirmDialog>
    </>
  );
}
