'use client';

import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '@/lib/client/api-fetch';
import type { Role } from '@/lib/client/session';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';
import { RoleSelect } from './role-select';

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
}

/** Adds an account: email, a first password, a role; each field with its label. */
export function AddAccountForm({ create }: { create: UseMutationResult<unknown, Error, NewAccount> }) {
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { email, password, role },
      {
        onSuccess: () => {
          setEmail('');
          setPassword('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border bg-white p-3" data-testid="account-form">
      <h3 className="text-sm font-semibold">Add an account</h3>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <Field label="Email" htmlFor={`${id}-email`}>
            <input
              id={`${id}-email`}
              className={inputClass}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              data-testid="account-email"
            />
          </Field>
        </div>
        <div className="w-64">
          <Field label="First password" htmlFor={`${id}-password`}>
            <input
              id={`${id}-password`}
              className={inputClass}
              type="password"
              placeholder="12 characters or more"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="account-password"
            />
          </Field>
        </div>
        <Field label="Role" htmlFor={`${id}-role`}>
          <RoleSelect id={`${id}-role`} value={role} onChange={setRole} testId="account-role" />
        </Field>
        <Button type="submit" variant="primary" disabled={create.isPending} data-testid="create-account">
          Add account
        </Button>
      </div>
      {create.isError && (
        <p role="alert" className="text-sm text-red-700" data-testid="account-form-error">
          {errorMessage(create.error)}
        </p>
      )}
    </form>
  );
}
