'use client';

// The commands of the alert settings page. Each answer carries the settings as they are now.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './api-fetch';
import type {
  AlertSettingsAnswer,
  AlertThresholdField,
  SinkThresholdField,
  SinkThresholds,
  TestNotificationResult,
} from './api-types';
import { enc, queryKeys } from './queries';

/** `webhookUrl`: a URL replaces the stored one, null removes it; a threshold null returns to the default. */
export interface AlertSettingsInput {
  webhookUrl?: string | null;
  thresholds?: Partial<Record<AlertThresholdField, number | null>>;
}

export function useSaveAlertSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AlertSettingsInput) =>
      apiFetch<AlertSettingsAnswer>('/alerts/settings', { method: 'PUT', body: input }),
    onSuccess: (answer) => client.setQueryData(queryKeys.alertSettings(), answer),
  });
}

/** Sends a test notice to `webhookUrl` when given, else to the saved webhook. */
export function useSendTestNotification() {
  return useMutation({
    mutationFn: (input: { webhookUrl?: string }) =>
      apiFetch<{ result: TestNotificationResult }>('/alerts/settings/test', { method: 'POST', body: input }),
  });
}

export function useSaveSinkThresholds(sinkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (thresholds: Partial<Record<SinkThresholdField, number | null>>) =>
      apiFetch<{ thresholds: SinkThresholds }>(`/sinks/${enc(sinkId)}/alert-thresholds`, {
        method: 'PUT',
        body: thresholds,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.alertSettings() }),
  });
}
