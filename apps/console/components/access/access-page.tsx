'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiFetch, errorMessage } from '../../lib/client/api-fetch';
import type { Role } from '../../lib/client/session';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { PageHeader } from '../ui/page-header';
import { RelativeTime } from '../ui/relative-time';
import { type AccessAccount, AccountRow } from './account-row';
import { RevokeToken } from './revoke-token';

interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
}

function RoleSelect({
  value,
  onChange,
  testId,
}: {
  value: Role;
  onChange: (role: Role) => void;
  testId: string;
}) {
  return (
    <select
      className={`${inputClass} w-32`}
      value={value}
      onChange={(event) => onChange(event.target.value as Role)}
      data-testid={testId}
      aria-label="Role"
    >
      <option value="viewer">viewer</option>
      <option value="admin">admin</option>
    </select>
  );
}

/** Accounts and API tokens: who may use the console and the API (admins only). */
export function AccessPage() {
  const client = useQueryClient();
  const accounts = useQuery({
    queryKey: ['accounts'],
    queryFn: async () => (await apiFetch<{ accounts: AccessAccount[] }>('/accounts')).accounts,
  });
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: async () => (await apiFetch<{ tokens: ApiToken[] }>('/tokens')).tokens,
  });
  const refresh = () =>
    client.invalidateQueries({ predicate: (q) => ['accounts', 'tokens'].includes(String(q.queryKey[0])) });

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [accountRole, setAccountRole] = useState<Role>('viewer');
  const createAccount = useMutation({
    mutationFn: () => apiFetch('/accounts', { method: 'POST', body: { email, password, role: accountRole } }),
    onSuccess: () => {
      setEmail('');
      setPassword('');
      refresh();
    },
  });

  const [tokenName, setTokenName] = useState('');
  const [tokenRole, setTokenRole] = useState<Role>('viewer');
  const [newToken, setNewToken] = useState<string | null>(null);
  const createToken = useMutation({
    mutationFn: () =>
      apiFetch<{ token: { token: string } }>('/tokens', {
        method: 'POST',
        body: { name: tokenName, role: tokenRole },
      }),
    onSuccess: (answer) => {
      setNewToken(answer.token.token);
      setTokenName('');
      refresh();
    },
  });

  const submitAccount = (event: FormEvent) => {
    event.preventDefault();
    createAccount.mutate();
  };
  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    setNewToken(null);
    createToken.mutate();
  };

  return (
    <div className="space-y-8">
      <PageHeader
        title="Access"
        subtitle="Who may use the console and the API. Admins may change everything; viewers see everything but secrets and change nothing."
      />
      <section className="space-y-3" data-testid="accounts">
        <h2 className="text-lg font-semibold">Accounts</h2>
        <ul className="divide-y rounded-md border bg-white">
          {(accounts.data ?? []).map((account) => (
            <AccountRow key={account.id} account={account} onChanged={refresh} />
          ))}
        </ul>
        <form
          onSubmit={submitAccount}
          className="flex flex-wrap items-center gap-2"
          data-testid="account-form"
        >
          <input
            className={`${inputClass} w-64`}
            type="email"
            placeholder="email"
            aria-label="Email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="account-email"
          />
          <input
            className={`${inputClass} w-64`}
            type="password"
            placeholder="password (12 characters or more)"
            aria-label="Password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="account-password"
          />
          <RoleSelect value={accountRole} onChange={setAccountRole} testId="account-role" />
          <Button
            type="submit"
            variant="primary"
            disabled={createAccount.isPending}
            data-testid="create-account"
          >
            Add account
          </Button>
        </form>
        {createAccount.isError && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(createAccount.error)}
          </p>
        )}
      </section>
      <section className="space-y-3" data-testid="tokens">
        <h2 className="text-lg font-semibold">API tokens</h2>
        <p className="text-sm text-slate-600">
          Send a token as <code>Authorization: Bearer &lt;token&gt;</code>. It is shown once, when created:
          only its hash is kept.
        </p>
        <ul className="divide-y rounded-md border bg-white">
          {(tokens.data ?? []).map((token) => (
            <li key={token.id} className="flex items-center gap-3 px-3 py-2 text-sm" data-testid="token-row">
              <span className="font-medium">{token.name}</span>
              <span className="text-slate-500">{token.role}</span>
              <span className="text-slate-500">
                {token.lastUsedAt ? (
                  <>
                    last used <RelativeTime value={token.lastUsedAt} />
                  </>
                ) : (
                  'never used'
                )}
              </span>
              <RevokeToken token={token} onRevoked={refresh} />
            </li>
          ))}
        </ul>
        <form onSubmit={submitToken} className="flex flex-wrap items-center gap-2" data-testid="token-form">
          <input
            className={`${inputClass} w-64`}
            placeholder="name, such as deploy-pipeline"
            aria-label="Token name"
            value={tokenName}
            onChange={(event) => setTokenName(event.target.value)}
            data-testid="token-name"
          />
          <RoleSelect value={tokenRole} onChange={setTokenRole} testId="token-role" />
          <Button type="submit" variant="primary" disabled={createToken.isPending} data-testid="create-token">
            Create token
          </Button>
        </form>
        {createToken.isError && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(createToken.error)}
          </p>
        )}
        {newToken && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="new-token">
            Copy it now, it will not be shown again: <code className="break-all">{newToken}</code>
          </p>
        )}
      </section>
    </div>
  );
}
