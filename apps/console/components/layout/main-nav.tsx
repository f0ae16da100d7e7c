'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useIsAdmin } from '../../lib/client/session';

const LINKS = [
  { href: '/sinks', label: 'Sinks' },
  { href: '/sources', label: 'Sources' },
  { href: '/transforms', label: 'Transforms' },
  { href: '/audit', label: 'Audit' },
  { href: '/access', label: 'Access', adminOnly: true },
] as const;

export function MainNav() {
  const pathname = usePathname();
  const isAdmin = useIsAdmin();
  if (pathname === '/sign-in' || pathname === '/setup') return null;
  return (
    <nav aria-label="Main" className="flex items-center gap-1">
      {LINKS.filter((link) => isAdmin || !('adminOnly' in link)).map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${
              current ? 'bg-slate-800 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
