'use client';

import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/client/api-fetch';
import { type TestConnectionInput, useTestConnection } from '@/lib/client/mutations';
import { parseStreamArn } from '@/lib/client/stream-arn';
import { CreateStream } from './create-stream';
import { RoutedStreamsResult } from './routed-streams-result';
import { StreamCallFailureText } from './stream-call-failure';
import { StreamSummaryText } from './stream-summary-text';

/**
 * Calls DescribeStreamSummary with the settings as typed; an AWS failure is a result, with a hint.
 * A stream that does not exist can be created from here. A saved sink's routing function, as
 * typed, runs on its recent messages, and each stream it names is checked too.
 */
export function TestConnection({
  input,
  onCreateStreamChosen,
}: {
  input: () => TestConnectionInput | null;
  onCreateStreamChosen: (chosen: boolean) => void;
}) {
  const test = useTestConnection();
  const result = test.data;
  const tested = test.variables;
  const missingStream =
    tested && result?.ok === false && result.error.code === 'ResourceNotFoundException'
      ? parseStreamArn(tested.streamArn)?.streamName
      : undefined;
  return (
    <div className="space-y-2">
      <Button
        onClick={() => {
          const body = input();
          if (body) test.mutate(body);
        }}
        disabled={test.isPending}
        data-testid="test-connection"
      >
        {test.isPending ? 'Testing…' : 'Test connection'}
      </Button>
      <div aria-live="polite">
        {test.isError && (
          <p
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
            data-testid="test-connection-result"
            data-ok="false"
          >
            {errorMessage(test.error)}
          </p>
        )}
        {result?.ok === true && (
          <p
            className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"
            data-testid="test-connection-result"
            data-ok="true"
          >
            Connected to <StreamSummaryText stream={result.stream} />.
          </p>
        )}
        {result?.ok === false && (
          <StreamCallFailureText error={result.error} testId="test-connection-result" />
        )}
        {result?.routing && <RoutedStreamsResult routing={result.routing} />}
      </div>
      {tested && missingStream && (
        // Keyed by the stream, so another missing stream starts a new offer.
        <CreateStream
          key={missingStream}
          streamName={missingStream}
          connection={tested}
          onChosen={onCreateStreamChosen}
        />
      )}
    </div>
  );
}
