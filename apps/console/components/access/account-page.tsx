'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiFetch, errorMessage } from '@/lib/client/api-fetch';
import { useSession } from '@/lib/client/session';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { PageHeader } from '../ui/page-header';

/** The signed-in account: who it is, and a form to change its own password. */
export function AccountPage() {
  const session = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () =>
      apiFetch('/session/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };

  return (
    <div className="max-w-md space-y-6">
      <PageHeader
        title="Your account"
        subtitle={session.data ? `${session.data.email}, ${session.data.role}` : undefined}
      />
      <form onSubmit={submit} className="space-y-4" data-testid="change-password-form">
        <h2 className="text-lg font-semibold">Change your password</h2>
        <Field label="Current password" htmlFor="current-password">
          <input
            id="current-password"
            type="password"
            autoComplete="current-password"
            required
            className={inputClass}
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
            data-testid="current-password"
          />
        </Field>
        <Field
          label="New password"
          htmlFor="new-password"
          hint="At least 12 characters; not a common password, not containing your email."
        >
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            required
            className={inputClass}
            value={newPassword}
            onChange={(event) => setNewPassword(event.target.value)}
            data-testid="new-password"
          />
        </Field>
        <Button type="submit" variant="primary" disabled={change.isPending} data-testid="change-password">
          Change password
        </Button>
        {change.isSuccess && (
          <p className="text-sm text-slate-600" data-testid="password-changed">
            Your password is changed. Your other sessions (other browsers) have ended.
          </p>
        )}
        {change.isError && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(change.error)}
          </p>
        )}
      </form>
    </div>
  );
}
