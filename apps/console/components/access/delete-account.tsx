'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, errorMessage } from '@/lib/client/api-fetch';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import type { AccessAccount } from './account-row';

/** Delete, after confirming; a refusal (the last administrator) is shown in the dialog as the API words it. */
export function DeleteAccount({ account, onDeleted }: { account: AccessAccount; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch(`/accounts/${account.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setOpen(false);
      onDeleted();
    },
  });
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} data-testid="delete-account">
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete the account ${account.email}?`}
        confirmLabel="Delete account"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : undefined}
        onCancel={close}
        onConfirm={() => remove.mutate()}
      >
        <p data-testid="delete-account-effect">
          {account.email} ({account.role}) is signed out everywhere at once and can no longer sign in. What
          the account did stays in the audit trail. To let this person in again, add a new account.
        </p>
      </ConfirmDialog>
    </>
  );
}
