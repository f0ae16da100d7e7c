'use client';

import * as Primitive from '@radix-ui/react-dialog';
import { createContext, type ReactNode, useContext, useRef, useState } from 'react';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** What the dialog is about, read out with its title (`aria-describedby`); shown above the body. */
  description?: ReactNode;
  children?: ReactNode;
  /** A centred box, or a panel along the right edge (the message drawer). */
  placement?: 'center' | 'side';
  testId?: string;
}

// The overlay lays the box out (no transform on the box), so a dialog opened from inside another
// one is still placed against the viewport.
const OVERLAY_CLASSES: Record<NonNullable<DialogProps['placement']>, string> = {
  center: 'grid place-items-center overflow-y-auto p-4',
  side: 'flex justify-end',
};

const CONTENT_CLASSES: Record<NonNullable<DialogProps['placement']>, string> = {
  center: 'max-h-[calc(100dvh-2rem)] w-full max-w-lg rounded-lg',
  side: 'h-dvh w-full max-w-3xl',
};

/**
 * Where a dialog opened from inside this one renders: inside it, so that it is part of the open
 * dialog (its focus trap, and a test or a screen reader looking inside it, find it there).
 */
const DialogContainer = createContext<HTMLElement | null>(null);

/**
 * A modal on Radix' dialog: focus is trapped inside and given back to the control that opened it,
 * Escape and a click outside close it, and the title (and description) label it.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  placement = 'center',
  testId,
}: DialogProps) {
  const container = useContext(DialogContainer);
  const [content, setContent] = useState<HTMLDivElement | null>(null);
  // Radix gives the focus back to its own Trigger; these dialogs open from plain buttons (or a
  // table row), so the control that had the focus is remembered instead.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Primitive.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <Primitive.Portal container={container ?? undefined}>
        <Primitive.Overlay className={`fixed inset-0 z-50 bg-slate-900/40 ${OVERLAY_CLASSES[placement]}`}>
          <Primitive.Content
            ref={setContent}
            onOpenAutoFocus={() => {
              opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            }}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              opener.current?.focus();
            }}
            data-testid={testId}
            // Radix warns about a dialog without a description unless told there is none on purpose.
            {...(description ? {} : { 'aria-describedby': undefined })}
            className={`flex flex-col bg-white text-slate-900 shadow-xl ${CONTENT_CLASSES[placement]}`}
          >
            <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3">
              <Primitive.Title className="text-base font-semibold">{title}</Primitive.Title>
              <Primitive.Close
                aria-label="Close"
                className="rounded px-2 text-xl leading-none text-slate-500 hover:text-slate-900"
              >
                ×
              </Primitive.Close>
            </div>
            <DialogContainer.Provider value={content}>
              <div className="flex-1 space-y-4 overflow-y-auto px-5 py-4">
                {description && (
                  <Primitive.Description asChild>
                    <div className="space-y-4 text-sm">{description}</div>
                  </Primitive.Description>
                )}
                {children}
              </div>
            </DialogContainer.Provider>
          </Primitive.Content>
        </Primitive.Overlay>
      </Primitive.Portal>
    </Primitive.Root>
  );
}
