'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, errorMessage } from '@/lib/client/api-fetch';
import type { Role } from '@/lib/client/session';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';

/** Revoke, after confirming: whatever sends the token is refused from then on. */
export function RevokeToken({
  token,
  onRevoked,
}: {
  token: { id: string; name: string; role: Role };
  onRevoked: () => void;
}) {
  const [open, setOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/tokens/${token.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setOpen(false);
      onRevoked();
    },
  });
  const close = () => {
    setOpen(false);
    revoke.reset();
  };
  return (
    <>
      <Button variant="danger" className="ml-auto" onClick={() => setOpen(true)} data-testid="revoke-token">
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        title={`Revoke the token ${token.name}?`}
        confirmLabel="Revoke token"
        danger
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : undefined}
        onCancel={close}
        onConfirm={() => revoke.mutate()}
      >
        <p data-testid="revoke-token-effect">
          Every request that sends it (scripts, pipelines, other tools) is refused with 401 from now on. A
          revoked token cannot be restored: to give access again, create a new token and put it where this one
          was used.
        </p>
      </ConfirmDialog>
    </>
  );
}
