'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { apiFetch, errorMessage } from '@/lib/client/api-fetch';
import type { Role } from '@/lib/client/session';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { DeleteAccount } from './delete-account';

export interface AccessAccount {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  createdBy: string;
}

/**
 * One account on the Access page: its role (changed at once), a new password set by the admin
 * (a reset), and Delete (after confirming). Both changes end the account's sessions: it signs in again.
 * `successes` counts the changes that succeeded on the page: a later one clears this row's error.
 */
export function AccountRow({
  account,
  onChanged,
  successes,
}: {
  account: AccessAccount;
  onChanged: () => void;
  successes: number;
}) {
  const id = useId();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (body: { role?: Role; password?: string }) =>
      apiFetch(`/accounts/${account.id}`, { method: 'PATCH', body }),
    onSuccess: (_answer, body) => {
      setNotice(
        body.password
          ? `The password of ${account.email} is reset; its sessions have ended.`
          : `${account.email} is now ${body.role}; its sessions have ended.`,
      );
      // Only a reset closes its form: a role change that lands while the person types a new
      // password must not take the field away.
      if (body.password) {
        setPassword('');
        setResetting(false);
      }
      onChanged();
    },
  });
  const submitReset = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ password });
  };
  const failure = update.error;
  const { isError: failed, reset } = update;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a later change succeeded
  useEffect(() => {
    if (failed) reset();
  }, [successes]);

  return (
    <li className="space-y-2 px-3 py-2 text-sm" data-testid="account-row">
      <div className="flex items-center gap-3">
        <span className="font-medium">{account.email}</span>
        <label htmlFor={`${id}-role`} className="text-slate-600">
          Role<span className="sr-only"> of {account.email}</span>
        </label>
        <select
          id={`${id}-role`}
          className={`${inputClass} w-32`}
          value={account.role}
          disabled={update.isPending}
          onChange={(event) => update.mutate({ role: event.target.value as Role })}
          data-testid="account-row-role"
        >
          <option value="viewer">viewer</option>
          <option value="admin">admin</option>
        </select>
        <Button className="ml-auto" onClick={() => setResetting(!resetting)} data-testid="reset-password">
          Reset password
        </Button>
        <DeleteAccount account={account} onDeleted={onChanged} />
      </div>
      {resetting && (
        <form onSubmit={submitReset} className="flex items-center gap-2" data-testid="reset-password-form">
          <label htmlFor={`${id}-password`} className="text-slate-600">
            New password for {account.email}
          </label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            required
            placeholder="12 characters or more"
            className={`${inputClass} w-72`}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="reset-password-input"
          />
          <Button
            type="submit"
            variant="primary"
            disabled={update.isPending}
            data-testid="reset-password-save"
          >
            Set password
          </Button>
        </form>
      )}
      {notice && !failure && (
        <p className="text-slate-600" data-testid="account-row-notice">
          {notice}
        </p>
      )}
      {failure && (
        <p role="alert" className="text-red-700" data-testid="account-row-error">
          {errorMessage(failure)}
        </p>
      )}
    </li>
  );
}
