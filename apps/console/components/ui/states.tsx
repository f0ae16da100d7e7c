import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/client/api-fetch';
import { Button } from './button';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="py-8 text-center text-sm text-slate-500" data-testid="loading">
      {label}
    </p>
  );
}

/** What went wrong, in the API's words, and a way to ask again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 p-4 text-sm"
      data-testid="error-state"
    >
      <p className="font-medium text-red-800">Something went wrong</p>
      <p className="mt-1 text-red-700">{errorMessage(error)}</p>
      {onRetry && (
        <Button className="mt-3" onClick={onRetry} data-testid="retry-load">
          Try again
        </Button>
      )}
    </div>
  );
}

/** Nothing here yet, and what to do about it. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div
      className="rounded-lg border border-dashed border-slate-300 p-8 text-center"
      data-testid="empty-state"
    >
      <p className="font-medium text-slate-800">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
      {action && <div className="mt-4 flex justify-center">{action}</div>}
    </div>
  );
}

export function Alert({
  children,
  tone = 'error',
}: {
  children: ReactNode;
  tone?: 'error' | 'success' | 'info';
}) {
  const classes = {
    error: 'border-red-200 bg-red-50 text-red-800',
    success: 'border-green-200 bg-green-50 text-green-800',
    info: 'border-slate-200 bg-slate-50 text-slate-700',
  }[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border px-3 py-2 text-sm ${classes}`}
    >
      {children}
    </div>
  );
}
