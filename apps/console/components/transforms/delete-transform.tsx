'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '@/lib/client/api-fetch';
import type { TransformDetail } from '@/lib/client/api-types';
import { useDeleteTransform } from '@/lib/client/transform-mutations';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';

/** Delete, after confirming; the API's 409 (sinks use it) is shown as it words it. */
export function DeleteTransform({ transform }: { transform: TransformDetail }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useDeleteTransform(transform.id);
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} data-testid="delete-transform">
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete the transform ${transform.name}?`}
        confirmLabel="Delete transform"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : undefined}
        onCancel={close}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push('/transforms') })}
      >
        {transform.sinks.length > 0 ? (
          <p>
            It is attached to {transform.sinks.map((sink) => sink.name).join(', ')}: detach it from{' '}
            {transform.sinks.length === 1 ? 'that sink' : 'those sinks'} first.
          </p>
        ) : (
          <p>Its {transform.versions.length === 1 ? 'version is' : 'versions are'} deleted with it.</p>
        )}
      </ConfirmDialog>
    </>
  );
}
