import { NotFoundError } from '@shardline/core';
import { getSinkRoutingSource } from '@shardline/db';
import { type StreamConnectionTest, testStreamConnection } from '@shardline/kinesis';
import { database } from '../database';
import { type RoutingConnectionTest, testRoutedStreams } from './routing/test-routed-streams';
import { resolveSinkConnection } from './sink-connection';
import type { TestConnectionInput } from './test-connection-input';

/**
 * Test connection's answer: the sink's own stream, and for a saved sink with a routing function,
 * each stream the function returned for its recent messages (null without routing).
 */
export type SinkConnectionTest = StreamConnectionTest & { routing: RoutingConnectionTest | null };

/** Runs "Test connection" for the sink form, with the saved secret when the form has none. */
export async function testSinkConnection(input: TestConnectionInput): Promise<SinkConnectionTest> {
  const connection = await resolveSinkConnection(input);
  const own = await testStreamConnection(connection);
  const routingSource = input.sinkId ? await routingSourceOf(input.sinkId, input.routingSource) : null;
  if (!input.sinkId || !routingSource) return { ...own, routing: null };
  return {
    ...own,
    routing: await testRoutedStreams({ sinkId: input.sinkId, routingSource, connection, own }),
  };
}

/** The routing function given (even unsaved), or the saved sink's when none is given. */
async function routingSourceOf(sinkId: string, given: string | null | undefined): Promise<string | null> {
  if (given !== undefined) return given;
  const saved = await getSinkRoutingSource(database(), { sinkId });
  if (!saved) throw new NotFoundError(`sink ${sinkId} does not exist`);
  return saved.routingSource;
}
