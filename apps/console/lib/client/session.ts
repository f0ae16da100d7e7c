'use client';

import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './api-fetch';

export type Role = 'admin' | 'viewer';

/** The roles that may change things (docs/security.md, "Two roles"); every other role only looks. */
export const CHANGING_ROLES: readonly Role[] = ['admin'];

export interface SignedIn {
  email: string;
  role: Role;
  kind: 'session' | 'token';
}

/** Who is signed in (null while loading or when signed out). */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => (await apiFetch<{ account: SignedIn | null }>('/session')).account,
    staleTime: 60_000,
  });
}

/** Whether the signed-in account may change things: only an admin may. */
export function useIsAdmin(): boolean {
  const role = useSession().data?.role;
  return role !== undefined && CHANGING_ROLES.includes(role);
}
