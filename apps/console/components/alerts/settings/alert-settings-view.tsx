'use client';

import { ErrorState, LoadingState } from '@/components/ui/states';
import { useAlertSettings } from '@/lib/client/queries';
import { InstallationThresholds } from './installation-thresholds';
import { SinkThresholdsSection } from './sink-thresholds';
import { WebhookSection } from './webhook-section';

/** The alert settings page's body: the webhook, the installation's thresholds, each sink's own. */
export function AlertSettingsView() {
  const query = useAlertSettings();
  if (query.isPending) return <LoadingState label="Loading the alert settings…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const answer = query.data;
  return (
    <div className="space-y-6">
      <WebhookSection settings={answer.settings} />
      <InstallationThresholds answer={answer} />
      <SinkThresholdsSection answer={answer} />
    </div>
  );
}
