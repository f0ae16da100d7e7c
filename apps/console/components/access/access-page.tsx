'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/client/api-fetch';
import { useSession } from '@/lib/client/session';
import { PageHeader } from '../ui/page-header';
import { EmptyState } from '../ui/states';
import { type AccessAccount, AccountRow } from './account-row';
import { AddAccountForm, type NewAccount } from './add-account-form';
import { type ApiToken, ApiTokens, type NewToken } from './api-tokens';

/**
 * Accounts and API tokens: who may use the console and the API (admins only). Any change that
 * succeeds clears the errors still shown from earlier attempts, on every form of the page: they
 * describe a state that is gone.
 */
export function AccessPage() {
  const client = useQueryClient();
  const me = useSession().data;
  const accounts = useQuery({
    queryKey: ['accounts'],
    queryFn: async () => (await apiFetch<{ accounts: AccessAccount[] }>('/accounts')).accounts,
  });
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: async () => (await apiFetch<{ tokens: ApiToken[] }>('/tokens')).tokens,
  });
  const [successes, setSuccesses] = useState(0);
  const succeeded = () => {
    setSuccesses((count) => count + 1);
    return client.invalidateQueries({
      predicate: (query) => ['accounts', 'tokens'].includes(String(query.queryKey[0])),
    });
  };
  const createAccount = useMutation({
    mutationFn: (body: NewAccount) => apiFetch('/accounts', { method: 'POST', body }),
    onSuccess: succeeded,
  });
  const createToken = useMutation({
    mutationFn: (body: NewToken) =>
      apiFetch<{ token: { token: string } }>('/tokens', { method: 'POST', body }),
    onSuccess: succeeded,
  });
  const { isError: accountFailed, reset: resetAccount } = createAccount;
  const { isError: tokenFailed, reset: resetToken } = createToken;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a later change succeeded
  useEffect(() => {
    if (accountFailed) resetAccount();
    if (tokenFailed) resetToken();
  }, [successes]);

  const others = accounts.data?.filter((account) => account.email !== me?.email);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Access"
        subtitle="Who may use the console and the API. Admins may change everything; viewers see everything but secrets and change nothing."
      />
      <section className="space-y-3" data-testid="accounts" aria-labelledby="accounts-title">
        <h2 id="accounts-title" className="text-lg font-semibold">
          Accounts
        </h2>
        <ul className="divide-y rounded-md border bg-white">
          {(accounts.data ?? []).map((account) => (
            <AccountRow key={account.id} account={account} onChanged={succeeded} successes={successes} />
          ))}
        </ul>
        {others?.length === 0 && (
          <EmptyState title="No other accounts yet">
            Add an account for each person who uses the console: admins change things, viewers only look.
          </EmptyState>
        )}
        <AddAccountForm create={createAccount} />
      </section>
      <section className="space-y-3" data-testid="tokens" aria-labelledby="tokens-title">
        <h2 id="tokens-title" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="text-sm text-slate-600">
          Send a token as <code>Authorization: Bearer &lt;token&gt;</code>. It is shown once, when created:
          only its hash is kept.
        </p>
        <ApiTokens tokens={tokens.data} create={createToken} onRevoked={succeeded} />
      </section>
    </div>
  );
}
