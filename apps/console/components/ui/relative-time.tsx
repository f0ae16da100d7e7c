'use client';

import { formatAbsolute, formatRelative } from '@/lib/client/format';
import { useNow } from '@/lib/client/use-now';

/** `3 s ago`, with the absolute time on hover. */
export function RelativeTime({
  value,
  fallback = '—',
}: {
  value: string | null | undefined;
  fallback?: string;
}) {
  const now = useNow();
  if (!value) return <span className="text-slate-500">{fallback}</span>;
  return (
    <time dateTime={value} title={formatAbsolute(value)} suppressHydrationWarning>
      {formatRelative(value, now)}
    </time>
  );
}
