'use client';

import { useState } from 'react';
import { CodeBlock } from '@/components/ui/code-block';
import { CopyButton } from '@/components/ui/copy-button';
import { iamPolicyFor, parseOtherStreams, streamArnsIn } from '@/lib/client/iam-policy';
import { parseStreamArn, STREAM_ARN_FORMAT } from '@/lib/client/stream-arn';
import { OtherRoutedStreams } from './other-routed-streams';

/**
 * The policy to grant the sink's IAM user or role, with the stream's ARN filled in, and those its
 * routing function names.
 */
export function IamPolicy({
  streamArn,
  createStream,
  routingSource,
}: {
  streamArn: string;
  createStream: boolean;
  routingSource: string;
}) {
  const arn = parseStreamArn(streamArn)?.arn ?? STREAM_ARN_FORMAT;
  const [otherStreamsText, setOtherStreamsText] = useState('');
  const [patternsConfirmed, setPatternsConfirmed] = useState(false);
  const routing = routingSource.trim() !== '';
  const otherStreams = parseOtherStreams(routing ? otherStreamsText : '');
  const routedStreamArns = [
    ...streamArnsIn(routingSource),
    ...otherStreams.arns,
    ...(patternsConfirmed ? otherStreams.patterns : []),
  ];
  const policy = iamPolicyFor(arn, { createStream, routedStreamArns });
  return (
    <section className="space-y-2" aria-labelledby="iam-policy-title">
      <div className="flex items-center justify-between">
        <h3 id="iam-policy-title" className="text-sm font-medium text-slate-800">
          IAM policy to grant
        </h3>
        <CopyButton text={policy} label="Copy policy" />
      </div>
      <CodeBlock testId="iam-policy" className="p-3">
        {policy}
      </CodeBlock>
      <p className="text-xs text-slate-500">
        <code>kinesis:ListShards</code> lets delivery pace each shard at its own limit (without it, the whole
        stream is paced as one). The second statement is optional: it lets the sink page's{' '}
        <strong>Stream</strong> tab read the records back; delivery works without it. If the stream is
        encrypted with a customer-managed KMS key, also allow <code>kms:GenerateDataKey</code> on that key
        (and <code>kms:Decrypt</code> for the Stream tab).
        {createStream && (
          <span data-testid="iam-policy-create-stream">
            {' '}
            The third statement, <code>kinesis:CreateStream</code>, is needed only to create the stream from
            this form: remove it once the stream exists.
          </span>
        )}
        {routing && (
          <span data-testid="iam-policy-routing">
            {' '}
            The routing function&apos;s streams need the same grants: the stream ARNs written in it are
            listed; list below any it builds at run time (stream ARNs, or a pattern once you have checked what
            it covers).
          </span>
        )}
      </p>
      {routing && (
        <OtherRoutedStreams
          text={otherStreamsText}
          onTextChange={setOtherStreamsText}
          parsed={otherStreams}
          patternsConfirmed={patternsConfirmed}
          onPatternsConfirmedChange={setPatternsConfirmed}
        />
      )}
    </section>
  );
}
