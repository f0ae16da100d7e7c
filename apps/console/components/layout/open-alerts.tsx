'use client';

import { usePathname } from 'next/navigation';
import { useActiveAlerts } from '@/lib/client/queries';
import { isSignedOutPage } from '@/lib/client/signed-out-pages';

/** How many alerts are open now (0 on the signed-out pages, which do not ask). */
export function useOpenAlertCount(): number {
  const signedOut = isSignedOutPage(usePathname());
  return useActiveAlerts(null, !signedOut).data?.alerts.length ?? 0;
}

/** The red count of open alerts, beside the Alerts link and on the folded menu's button. */
export function OpenAlertsBadge({ count, testId }: { count: number; testId: string }) {
  if (count === 0) return null;
  return (
    <span
      className="ml-1.5 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white"
      data-testid={testId}
      title={`${count} open alert${count === 1 ? '' : 's'}`}
    >
      {count}
    </span>
  );
}
