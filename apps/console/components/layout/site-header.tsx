'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { isSignedOutPage } from '@/lib/client/signed-out-pages';
import { AccountMenu } from './account-menu';
import { MainNav } from './main-nav';
import { OpenAlertsBadge, useOpenAlertCount } from './open-alerts';

/**
 * The console's top bar. On wide screens the navigation and account menu sit in it; below the
 * `lg` breakpoint they do not fit beside each other (at 390 px Audit, Access and Sign out fell
 * off-screen), so they fold behind a Menu button and open as a stacked list.
 */
export function SiteHeader() {
  const pathname = usePathname();
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // The menu is open on the page it was opened on: going to another page (Back included) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [open]);

  const signedOut = isSignedOutPage(pathname);
  // Folded, the Alerts link's count is out of sight: the button carries it.
  const openAlerts = useOpenAlertCount();
  return (
    <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
      <Link href="/sinks" className="font-semibold text-white">
        Shardline
      </Link>
      {!signedOut && (
        <button
          ref={button}
          type="button"
          className="ml-auto inline-flex items-center gap-2 rounded-md px-2 py-1 text-sm font-medium text-slate-200 hover:bg-slate-800 hover:text-white lg:hidden"
          aria-expanded={open}
          aria-controls={menuId}
          data-testid="menu-button"
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          <MenuIcon open={open} />
          Menu
          <OpenAlertsBadge count={openAlerts} testId="menu-alerts-count" />
        </button>
      )}
      <div
        id={menuId}
        className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-3 pb-1 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:gap-6 lg:pb-0`}
        data-testid="main-menu"
      >
        {/* A link followed closes the menu, the current page's own link too: the person chose. */}
        <MainNav onNavigate={() => setOpenOn(null)} />
        <AccountMenu onNavigate={() => setOpenOn(null)} />
      </div>
    </div>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg
      viewBox="0 0 20 20"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      aria-hidden="true"
    >
      {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
    </svg>
  );
}
