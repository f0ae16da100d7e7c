import type { TestConnectionResult } from '@/lib/client/api-types';
import { formatNumber } from '@/lib/client/format';
import { StreamCallFailureText } from './stream-call-failure';
import { StreamSummaryText } from './stream-summary-text';

type RoutingConnectionTest = NonNullable<TestConnectionResult['routing']>;

function messagesText(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? 'message' : 'messages'}`;
}

/**
 * Test connection's answer for a routing function: each stream it returned for the sink's recent
 * messages with its own check, and the messages it could not route.
 */
export function RoutedStreamsResult({ routing }: { routing: RoutingConnectionTest }) {
  return (
    <section className="space-y-2 text-sm" data-testid="routed-streams-result" aria-label="Routed streams">
      <p className="text-slate-700">
        The routing function ran on the sink&apos;s {messagesText(routing.messagesRouted)} most recent
        {routing.messagesRouted === 0 ? ': no stream to check yet.' : ', and named these streams:'}
      </p>
      <ul className="space-y-2">
        {routing.streams.map((stream) => (
          <li key={stream.streamArn} data-testid="routed-stream" data-stream-arn={stream.streamArn}>
            <p className="font-mono text-xs text-slate-600">
              {stream.streamArn} ({messagesText(stream.messages)})
            </p>
            {stream.test.ok ? (
              <p
                className="rounded-md bg-green-50 px-3 py-2 text-green-800"
                data-testid="routed-stream-result"
                data-ok="true"
              >
                Connected to <StreamSummaryText stream={stream.test.stream} />.
              </p>
            ) : (
              <StreamCallFailureText error={stream.test.error} testId="routed-stream-result" />
            )}
          </li>
        ))}
      </ul>
      {routing.failed.messages > 0 && (
        <p
          className="rounded-md bg-red-50 px-3 py-2 text-red-800"
          data-testid="routing-failures"
          role="alert"
        >
          The routing function failed on {messagesText(routing.failed.messages)}
          {routing.failed.firstMessageId !== null && ` (first: message ${routing.failed.firstMessageId})`}:
          these would fail at delivery. {routing.failed.firstError}
        </p>
      )}
    </section>
  );
}
