'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useIsAdmin } from '@/lib/client/session';
import { isSignedOutPage } from '@/lib/client/signed-out-pages';
import { OpenAlertsBadge, useOpenAlertCount } from './open-alerts';

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
  const openAlerts = useOpenAlertCount();
  if (isSignedOutPage(pathname)) return null;
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
            {link.href === '/alerts' && <OpenAlertsBadge count={openAlerts} testId="active-alerts-count" />}
          </Link>
        );
      })}
    </nav>
  );
}
