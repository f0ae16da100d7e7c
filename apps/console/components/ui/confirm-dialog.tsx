'use client';

import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  /** Why the last try failed (a 409 when the message is not failing any more, say). */
  error?: string;
  danger?: boolean;
}

/**
 * Asks before something that cannot be undone, saying what will happen (the children, read out as
 * the dialog's description). The confirm button is `data-testid="confirm"`.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, onConfirm, onCancel, pending, error, danger } = props;
  return (
    <Dialog open={open} onClose={onCancel} title={title} description={children} testId="confirm-dialog">
      <div className="space-y-4 text-sm">
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onCancel} data-testid="cancel">
            Cancel
          </Button>
          <Button
            variant={danger ? 'danger' : 'primary'}
            onClick={onConfirm}
            disabled={pending}
            data-testid="confirm"
          >
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
