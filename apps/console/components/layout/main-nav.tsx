'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useActiveAlerts } from '../../lib/client/queries';
import { useIsAdmin } from '../../lib/client/session';
import { isSignedOutPage } from '../../lib/client/signed-out-pages';

const LINKS = [
  { href: '/sinks', label: 'Sinks' },
  { href: '/sources', label: 'Sources' },
  { href: '/transforms', label: 'Transforms' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/audit', label: 'Audit' },
  { href: '/access', label: 'Access', adminOnly: true },
] as const;

/** `onNavigate` runs when one of its links is followed. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const isAdmin = useIsAdmin();
  const signedOut = isSignedOutPage(pathname);
  const activeAlerts = useActiveAlerts(null, !signedOut).data?.alerts.length ?? 0;
  if (signedOut) return null;
  return (
    <nav aria-label="Main" className="flex flex-col gap-1 lg:flex-row lg:items-center">
      {LINKS.filter((link) => isAdmin || !('adminOnly' in link)).map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? 'page' : undefined}
            onClick={onNavigate}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              current ? 'bg-slate-800 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'
            }`}
          >
            {link.label}
            {link.href === '/alerts' && activeAlerts > 0 && (
              <span
                className="ml-1.5 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white"
                data-testid="active-alerts-count"
                title={`${activeAlerts} open alert${activeAlerts === 1 ? '' : 's'}`}
              >
                {activeAlerts}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
