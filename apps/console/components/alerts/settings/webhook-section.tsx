'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, inputClass } from '@/components/ui/field';
import { Alert } from '@/components/ui/states';
import { useSaveAlertSettings, useSendTestNotification } from '@/lib/client/alert-settings-mutations';
import type { AlertSettings } from '@/lib/client/api-types';
import { fieldErrorOf, topErrorOf } from '@/lib/client/form-errors';
import { useIsAdmin } from '@/lib/client/session';

/**
 * The notification webhook: whether one is set and its host (its URL is write-only, as secrets
 * are), and for an admin: replace it, remove it, or send a test notification.
 */
export function WebhookSection({ settings }: { settings: AlertSettings }) {
  const isAdmin = useIsAdmin();
  const inputId = useId();
  const [url, setUrl] = useState('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const save = useSaveAlertSettings();
  const test = useSendTestNotification();
  const { webhook } = settings;
  const typed = url.trim();
  const saveError = save.error ?? test.error;

  return (
    <section
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby={`${inputId}-title`}
    >
      <h2 id={`${inputId}-title`} className="text-lg font-semibold text-slate-900">
        Notification webhook
      </h2>
      <p className="text-sm text-slate-700" data-testid="webhook-status">
        {webhook.set ? (
          <>
            A webhook is set: notices go to <strong>{webhook.host}</strong>. Its address is not shown again.
          </>
        ) : (
          <>
            No webhook is set in the console: engines call <code>SHARDLINE_ALERT_WEBHOOK_URL</code> if their
            environment sets one.
          </>
        )}
      </p>
      {isAdmin && (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            test.reset();
            save.mutate({ webhookUrl: typed }, { onSuccess: () => setUrl('') });
          }}
        >
          <Field
            label={webhook.set ? 'New webhook URL' : 'Webhook URL'}
            htmlFor={inputId}
            hint="A Slack-compatible incoming webhook (http or https). Write-only: once saved only its host is shown; saving replaces the one stored. It wins over SHARDLINE_ALERT_WEBHOOK_URL."
            error={fieldErrorOf(saveError, 'webhookUrl')}
          >
            <input
              id={inputId}
              className={inputClass}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              inputMode="url"
              placeholder="https://hooks.slack.com/services/…"
              aria-invalid={fieldErrorOf(saveError, 'webhookUrl') ? true : undefined}
            />
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" disabled={!typed || save.isPending}>
              {save.isPending ? 'Saving…' : 'Save webhook'}
            </Button>
            <Button
              disabled={(!typed && !webhook.set) || test.isPending}
              onClick={() => {
                save.reset();
                test.mutate(typed ? { webhookUrl: typed } : {});
              }}
            >
              {test.isPending ? 'Sending…' : 'Send test notification'}
            </Button>
            {webhook.set && (
              <Button variant="danger" onClick={() => setConfirmRemove(true)}>
                Remove webhook
              </Button>
            )}
          </div>
          <p className="text-xs text-slate-500">
            The test goes to the URL typed above, or to the saved webhook when the field is empty.
          </p>
        </form>
      )}
      {test.data && (
        <div data-testid="test-outcome">
          <Alert tone={test.data.result.ok ? 'success' : 'error'}>{test.data.result.message}</Alert>
        </div>
      )}
      {save.isSuccess && !save.variables?.webhookUrl && !webhook.set && (
        <Alert tone="success">The webhook was removed.</Alert>
      )}
      {save.isSuccess && save.variables?.webhookUrl && (
        <Alert tone="success">Saved: notices go to {webhook.host}.</Alert>
      )}
      {topErrorOf(saveError, ['webhookUrl']) && <Alert>{topErrorOf(saveError, ['webhookUrl'])}</Alert>}
      <ConfirmDialog
        open={confirmRemove}
        title="Remove the webhook?"
        confirmLabel="Remove webhook"
        danger
        pending={save.isPending}
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => save.mutate({ webhookUrl: null }, { onSettled: () => setConfirmRemove(false) })}
      >
        Notices will no longer go to {webhook.host}. Engines whose environment sets
        SHARDLINE_ALERT_WEBHOOK_URL call that one instead; without it, alerts show in the console, the logs
        and the metrics only.
      </ConfirmDialog>
    </section>
  );
}
