'use client';

import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, apiFetch, errorMessage } from '@/lib/client/api-fetch';
import { safeNext } from '@/lib/client/safe-next';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';

/**
 * The sign-in form, or the first-run form that creates the first administrator. Sign-in goes to
 * setup while there is no account; setup goes to sign-in once there is one.
 */
export function CredentialsForm({ mode }: { mode: 'sign-in' | 'setup' }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    apiFetch<{ needed: boolean }>('/setup')
      .then(({ needed }) => {
        if (mode === 'sign-in' && needed) window.location.replace('/setup');
        if (mode === 'setup' && !needed) window.location.replace('/sign-in');
      })
      .catch(() => undefined);
  }, [mode]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await apiFetch(mode === 'sign-in' ? '/session' : '/setup', {
        method: 'POST',
        body: { email, password },
      });
      const next = new URLSearchParams(window.location.search).get('next');
      window.location.assign(safeNext(next, window.location.origin));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.field ? `${caught.message}` : errorMessage(caught));
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="mx-auto max-w-sm space-y-4" data-testid={`${mode}-form`}>
      <h1 className="text-xl font-semibold">
        {mode === 'sign-in' ? 'Sign in' : 'Create the first administrator'}
      </h1>
      {mode === 'setup' && (
        <p className="text-sm text-slate-600">
          No account exists yet. This account will be an administrator: it can add other people
          (administrators or viewers) and API tokens on the Access page. This page is gone once it exists.
        </p>
      )}
      <Field label="Email" htmlFor="email">
        <input
          id="email"
          type="email"
          autoComplete="username"
          required
          className={inputClass}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          data-testid="email"
        />
      </Field>
      <Field
        label="Password"
        htmlFor="password"
        hint={mode === 'setup' ? 'At least 12 characters.' : undefined}
      >
        <input
          id="password"
          type="password"
          autoComplete={mode === 'setup' ? 'new-password' : 'current-password'}
          required
          className={inputClass}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          data-testid="password"
        />
      </Field>
      {error && (
        <p role="alert" className="text-sm text-red-700" data-testid="credentials-error">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={pending} data-testid="submit-credentials">
        {mode === 'sign-in'
          ? pending
            ? 'Signing in…'
            : 'Sign in'
          : pending
            ? 'Creating…'
            : 'Create administrator'}
      </Button>
    </form>
  );
}
