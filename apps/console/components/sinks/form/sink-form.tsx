'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';
import { ChecksFailed, checksFailed } from '@/components/ui/checks-failed';
import { Field, inputClass } from '@/components/ui/field';
import { Alert } from '@/components/ui/states';
import { ApiError, errorMessage } from '@/lib/client/api-fetch';
import type { Sink } from '@/lib/client/api-types';
import { type TestConnectionInput, useCreateSink, useUpdateSink } from '@/lib/client/mutations';
import { useSourceTables } from '@/lib/client/queries';
import { parseStreamArn } from '@/lib/client/stream-arn';
import { AdvancedFields } from './advanced-fields';
import { CredentialsFields } from './credentials-fields';
import { IamPolicy } from './iam-policy';
import {
  type ErrorFor,
  initialSinkValues,
  placeOfField,
  type SetSinkValue,
  type SinkFormValues,
  toSinkInput,
} from './sink-form-values';
import { SourceTablesPicker } from './source-tables-picker';
import { StreamArnField } from './stream-arn-field';
import { TestConnection } from './test-connection';
import { TransformFields } from './transform-fields';

/** Creates a sink, or edits `sink`: one form for both. */
export function SinkForm({ sink }: { sink?: Sink }) {
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState<SinkFormValues>(() => initialSinkValues(sink));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [creatingStream, setCreatingStream] = useState(false);
  const create = useCreateSink();
  const update = useUpdateSink(sink?.id ?? '');
  const save = sink ? update : create;
  const sourceTables = useSourceTables(values.sourceId || null).data?.tables;

  const set: SetSinkValue = (key, value) => {
    setValues((current) => ({ ...current, [key]: value }));
    setClientErrors((current) => {
      const { [key]: _dropped, ...rest } = current;
      return rest;
    });
  };

  const serverError = save.error;
  const serverPlace =
    serverError instanceof ApiError && serverError.field
      ? placeOfField(serverError.field, values.tables.length)
      : undefined;
  const errorFor: ErrorFor = (field) =>
    clientErrors[field] ?? (serverPlace === field && serverError ? serverError.message : undefined);
  const topError =
    serverError && !serverPlace && !checksFailed(serverError) ? errorMessage(serverError) : undefined;
  const clientErrorCount = Object.keys(clientErrors).length;

  /** Saving runs the checks; `force` is "Save anyway" after they failed. */
  const submit = (force: boolean) => {
    const result = toSinkInput(values, { sink, sourceTables });
    if (result.errors) {
      setClientErrors(result.errors);
      return;
    }
    setClientErrors({});
    const done = ({ sink: saved }: { sink: Sink }) => router.push(`/sinks/${saved.id}`);
    if (sink) update.mutate({ ...result.input, force }, { onSuccess: done });
    else create.mutate({ ...result.input, force }, { onSuccess: done });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(false);
  };

  const testInput = (): TestConnectionInput | null => {
    if (!parseStreamArn(values.streamArn)) {
      setClientErrors((current) => ({
        ...current,
        streamArn: 'give a valid stream ARN to test the connection',
      }));
      return null;
    }
    const keys = values.credentials === 'keys';
    // With the secret left empty on edit, the API uses the saved one.
    const savedSecret = sink && keys && !values.secretAccessKey;
    return {
      streamArn: values.streamArn.trim(),
      accessKeyId: keys ? values.accessKeyId.trim() || null : null,
      endpoint: values.endpoint.trim() || null,
      ...(savedSecret ? {} : { secretAccessKey: keys ? values.secretAccessKey || null : null }),
      // A saved sink's routing function, as typed, is run on its recent messages.
      ...(sink ? { sinkId: sink.id, routingSource: values.routingSource } : {}),
    };
  };

  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-6" data-testid="sink-form" noValidate>
      {topError && <Alert>{topError}</Alert>}
      {clientErrorCount > 0 && <Alert>Some settings need attention: see the messages below.</Alert>}

      <Field label="Name" htmlFor={`${id}-name`} error={errorFor('name')}>
        <input
          id={`${id}-name`}
          className={inputClass}
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          autoComplete="off"
          data-testid="sink-name"
        />
      </Field>

      <section
        className="space-y-4 rounded-lg border border-slate-200 bg-slate-50/50 p-4"
        aria-label="What to send"
      >
        <SourceTablesPicker values={values} set={set} errorFor={errorFor} creating={!sink} />
      </section>

      <section
        className="space-y-4 rounded-lg border border-slate-200 bg-slate-50/50 p-4"
        aria-label="Filter and transform"
        data-testid="sink-transform-fields"
      >
        <TransformFields values={values} set={set} errorFor={errorFor} sinkId={sink?.id} />
      </section>

      <section
        className="space-y-4 rounded-lg border border-slate-200 bg-slate-50/50 p-4"
        aria-label="Where to send it"
      >
        <StreamArnField
          value={values.streamArn}
          onChange={(value) => set('streamArn', value)}
          error={errorFor('streamArn')}
        />
        <CredentialsFields values={values} set={set} errorFor={errorFor} sink={sink} />
        <AdvancedFields values={values} set={set} errorFor={errorFor} />
        <TestConnection input={testInput} onCreateStreamChosen={setCreatingStream} />
        <IamPolicy
          streamArn={values.streamArn}
          createStream={creatingStream}
          routingSource={values.routingSource}
        />
      </section>

      <ChecksFailed
        error={serverError}
        what="sink"
        saving={save.isPending}
        onSaveAnyway={() => submit(true)}
      />

      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending} data-testid="save-sink">
          {save.isPending ? 'Saving…' : sink ? 'Save changes' : 'Create sink'}
        </Button>
        <ButtonLink href={sink ? `/sinks/${sink.id}` : '/sinks'}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
