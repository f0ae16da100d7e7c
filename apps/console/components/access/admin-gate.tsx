'use client';

import type { ReactNode } from 'react';
import { CHANGING_ROLES, useSession } from '@/lib/client/session';
import { ButtonLink } from '../ui/button';
import { PageHeader } from '../ui/page-header';
import { LoadingState } from '../ui/states';

/**
 * A page (or the part of one) that changes things: its children for a role that may change them;
 * for a viewer, a page that says the role cannot and who can, with a way back, rather than a form
 * that would only fail on submit. `action` completes "cannot …" ("create sinks"). `within` a page
 * that has its own title, the notice is a section of it.
 */
export function AdminGate({
  action,
  back,
  within = false,
  children,
}: {
  action: string;
  back: { href: string; label: string };
  within?: boolean;
  children: ReactNode;
}) {
  const session = useSession();
  const signedIn = session.data;
  if (session.isPending) return <LoadingState />;
  // Signed out (or the session could not be read): the page's own requests send the person to sign in.
  if (!signedIn || CHANGING_ROLES.includes(signedIn.role)) return children;
  const title = `Your role cannot ${action}`;
  const who = CHANGING_ROLES.map((role) => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`).join(' or ');
  return (
    <div className="max-w-2xl" data-testid="role-cannot-change">
      {within ? <h2 className="mb-3 text-lg font-semibold">{title}</h2> : <PageHeader title={title} />}
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <p>
          You are signed in as {signedIn.email}, a <strong data-testid="your-role">{signedIn.role}</strong>:
          you see everything, but change nothing.
        </p>
        <p>
          Only <strong data-testid="roles-that-can">{who}</strong> can {action}. Ask one to do it, or to give
          your account that role on the Access page.
        </p>
        <ButtonLink href={back.href} data-testid="role-gate-back">
          {back.label}
        </ButtonLink>
      </div>
    </div>
  );
}
