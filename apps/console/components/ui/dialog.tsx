'use client';

import { type ReactNode, useEffect, useId, useRef } from 'react';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** A centred box, or a panel along the right edge (the message drawer). */
  placement?: 'center' | 'side';
  testId?: string;
}

const PLACEMENT_CLASSES: Record<NonNullable<DialogProps['placement']>, string> = {
  center: 'w-full max-w-lg rounded-lg',
  side: 'm-0 ml-auto h-dvh max-h-dvh w-full max-w-3xl',
};

/**
 * A modal on the native <dialog>: it traps focus, closes with Escape and gives focus back to the
 * control that opened it, with no library.
 */
export function Dialog({ open, onClose, title, children, placement = 'center', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      // React passes a nested dialog's close event up the tree: only this dialog's own counts.
      onClose={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      aria-labelledby={titleId}
      data-testid={testId}
      className={`bg-white p-0 text-slate-900 shadow-xl ${PLACEMENT_CLASSES[placement]}`}
    >
      {open && (
        <div className="flex h-full flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className="rounded px-2 text-xl leading-none text-slate-500 hover:text-slate-900"
            >
              ×
            </button>
          </div>
          <div className="flex-1 overflow-y-auto px-5 py-4">{children}</div>
        </div>
      )}
    </dialog>
  );
}
