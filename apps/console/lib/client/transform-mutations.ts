'use client';

// The commands of the Transforms pages. Each one refreshes the queries whose answers it changes:
// a transform's edit changes what its sinks show (their transform's version) too.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './api-fetch';
import type { TransformDetail, TransformKind, TransformTestInput, TransformTestResult } from './api-types';
import { enc, queryKeys } from './queries';

export interface TransformInput {
  name: string;
  description: string;
  kind: TransformKind;
  body: string;
}

export function useCreateTransform() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TransformInput) =>
      apiFetch<{ transform: TransformDetail }>('/transforms', { method: 'POST', body: input }),
    onSuccess: ({ transform }) => {
      client.setQueryData(queryKeys.transform(transform.id), { transform });
      return client.invalidateQueries({ queryKey: queryKeys.transforms(), exact: true });
    },
  });
}

export function useUpdateTransform(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<TransformInput>) =>
      apiFetch<{ transform: TransformDetail }>(`/transforms/${enc(id)}`, { method: 'PATCH', body: input }),
    onSuccess: ({ transform }) => {
      client.setQueryData(queryKeys.transform(id), { transform });
      return Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.transforms(), exact: true }),
        client.invalidateQueries({ queryKey: queryKeys.sinks() }),
      ]);
    },
  });
}

export function useDeleteTransform(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ deleted: true }>(`/transforms/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: queryKeys.transform(id) });
      return client.invalidateQueries({ queryKey: queryKeys.transforms(), exact: true });
    },
  });
}

/** Runs a definition, saved or not, on messages; nothing is saved or sent. */
export function useTestTransform() {
  return useMutation({
    mutationFn: (input: TransformTestInput) =>
      apiFetch<{ results: TransformTestResult[] }>('/transforms/test', { method: 'POST', body: input }),
  });
}
