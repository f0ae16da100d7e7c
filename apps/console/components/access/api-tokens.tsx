'use client';

import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '@/lib/client/api-fetch';
import type { Role } from '@/lib/client/session';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { Field, inputClass } from '../ui/field';
import { RelativeTime } from '../ui/relative-time';
import { EmptyState } from '../ui/states';
import { RevokeToken } from './revoke-token';
import { RoleSelect } from './role-select';

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
}

export interface NewToken {
  name: string;
  role: Role;
}

/** The API tokens, a form for a new one, and the new token itself, once, with a copy button. */
export function ApiTokens({
  tokens,
  create,
  onRevoked,
}: {
  tokens: ApiToken[] | undefined;
  create: UseMutationResult<{ token: { token: string } }, Error, NewToken>;
  onRevoked: () => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const created = create.data?.token.token;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, role }, { onSuccess: () => setName('') });
  };
  return (
    <>
      {tokens?.length === 0 ? (
        <EmptyState title="No API tokens yet">
          Scripts and pipelines call the API with a token: create one for each, with the role it needs.
        </EmptyState>
      ) : (
        <ul className="divide-y rounded-md border bg-white">
          {(tokens ?? []).map((token) => (
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
              <RevokeToken token={token} onRevoked={onRevoked} />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-3 rounded-md border bg-white p-3" data-testid="token-form">
        <h3 className="text-sm font-semibold">Create a token</h3>
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-64">
            <Field label="Token name" htmlFor={`${id}-name`}>
              <input
                id={`${id}-name`}
                className={inputClass}
                placeholder="such as deploy-pipeline"
                autoComplete="off"
                value={name}
                onChange={(event) => setName(event.target.value)}
                data-testid="token-name"
              />
            </Field>
          </div>
          <Field label="Token role" htmlFor={`${id}-role`}>
            <RoleSelect id={`${id}-role`} value={role} onChange={setRole} testId="token-role" />
          </Field>
          <Button type="submit" variant="primary" disabled={create.isPending} data-testid="create-token">
            Create token
          </Button>
        </div>
        {create.isError && (
          <p role="alert" className="text-sm text-red-700" data-testid="token-form-error">
            {errorMessage(create.error)}
          </p>
        )}
      </form>
      {created && (
        <div
          role="status"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="new-token"
        >
          <p>
            <strong>Copy the token now: it is shown once.</strong> Only its hash is kept, so it cannot be
            shown again; if it is lost, revoke it and create another.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1" data-testid="new-token-value">
              {created}
            </code>
            <CopyButton text={created} label="Copy token" />
          </div>
        </div>
      )}
    </>
  );
}
