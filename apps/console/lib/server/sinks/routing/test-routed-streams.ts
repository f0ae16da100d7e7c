import { listRecentPayloads } from '@shardline/db';
import { type KinesisConnection, type StreamConnectionTest, testStreamConnection } from '@shardline/kinesis';
import { database } from '../../database';
import { runRoutingFunction } from './run-routing-function';

/** The messages Test connection routes: enough to meet the streams a sink uses now, quick to run. */
export const RECENT_MESSAGES_ROUTED = 50;
/** Each message may take the function's whole time limit; past this the rest are not run. */
const ROUTING_BUDGET_MS = 5_000;

/** One stream the routing function named, how many of the messages it sent there, and its check. */
export interface RoutedStreamTest {
  streamArn: string;
  messages: number;
  test: StreamConnectionTest;
}

/** What Test connection found of a sink's routing function on its recent messages. */
export interface RoutingConnectionTest {
  /** The messages the function ran on: the sink's most recent, up to RECENT_MESSAGES_ROUTED. */
  messagesRouted: number;
  /** Each distinct stream the function returned, most messages first, each checked. */
  streams: RoutedStreamTest[];
  /** The messages whose routing failed (they would fail at delivery), and the first such error. */
  failed: { messages: number; firstMessageId: string | null; firstError: string | null };
}

/**
 * Runs the routing function on the sink's most recent messages and checks each stream it named
 * the way the sink's own stream is checked, with the sink's endpoint and credentials (as delivery
 * uses them for a routed stream). `own` is the sink's stream, already checked.
 */
export async function testRoutedStreams(options: {
  sinkId: string;
  routingSource: string;
  connection: KinesisConnection;
  own: StreamConnectionTest;
}): Promise<RoutingConnectionTest> {
  const recent = await listRecentPayloads(database(), {
    sinkId: options.sinkId,
    limit: RECENT_MESSAGES_ROUTED,
  });
  const run = await runRoutingFunction(
    options.routingSource,
    recent.map((message) => message.payload),
    ROUTING_BUDGET_MS,
  );
  const messagesByStream = new Map<string, { region: string; messages: number }>();
  const failed: RoutingConnectionTest['failed'] = { messages: 0, firstMessageId: null, firstError: null };
  let messagesRouted = 0;
  run.routes.forEach((route, index) => {
    if (route.ok === 'deferred') return;
    messagesRouted += 1;
    if (route.ok) {
      const seen = messagesByStream.get(route.streamArn);
      messagesByStream.set(route.streamArn, { region: route.region, messages: (seen?.messages ?? 0) + 1 });
      return;
    }
    failed.messages += 1;
    if (failed.firstError === null) {
      failed.firstError = route.error;
      failed.firstMessageId = recent[index]?.id.toString() ?? null;
    }
  });
  const streams = await Promise.all(
    [...messagesByStream].map(
      async ([streamArn, { region, messages }]): Promise<RoutedStreamTest> => ({
        streamArn,
        messages,
        test:
          streamArn === options.connection.streamArn
            ? options.own
            : await testStreamConnection({ ...options.connection, streamArn, region }),
      }),
    ),
  );
  streams.sort((a, b) => b.messages - a.messages || a.streamArn.localeCompare(b.streamArn));
  return { messagesRouted, streams, failed };
}
