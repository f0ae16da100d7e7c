'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { apiFetch } from '@/lib/client/api-fetch';
import { useSession } from '@/lib/client/session';
import { isSignedOutPage } from '@/lib/client/signed-out-pages';

/**
 * Who is signed in, with their role (a link to their account: the password), and Sign out.
 * `onNavigate` runs when the account link is followed.
 */
export function AccountMenu({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const session = useSession();
  const [signingOut, setSigningOut] = useState(false);
  if (isSignedOutPage(pathname) || !session.data) return null;
  return (
    <div className="flex flex-wrap items-center gap-3 border-t border-slate-800 pt-3 text-sm text-slate-300 lg:ml-auto lg:border-0 lg:pt-0">
      {session.data.kind === 'session' ? (
        <Link
          href="/account"
          className="break-all hover:text-white"
          data-testid="signed-in-as"
          title="Your account"
          onClick={onNavigate}
        >
          {session.data.email} <span className="text-slate-400">({session.data.role})</span>
        </Link>
      ) : (
        <span data-testid="signed-in-as">
          {session.data.email} <span className="text-slate-400">({session.data.role})</span>
        </span>
      )}
      <button
        type="button"
        className="rounded-md px-2 py-1 font-medium text-slate-200 hover:bg-slate-800 hover:text-white"
        disabled={signingOut}
        data-testid="sign-out"
        onClick={async () => {
          setSigningOut(true);
          await apiFetch('/session', { method: 'DELETE' }).catch(() => undefined);
          window.location.assign('/sign-in');
        }}
      >
        Sign out
      </button>
    </div>
  );
}
