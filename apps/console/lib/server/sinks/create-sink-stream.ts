import { parseStreamArn } from '@shardline/core';
import { recordStreamCreated } from '@shardline/db';
import {
  createStreamAndWait,
  type KinesisConnection,
  type StreamCapacity,
  type StreamCreation,
} from '@shardline/kinesis';
import { database } from '../database';
import type { CreateStreamInput } from './create-stream-input';
import { resolveSinkConnection } from './sink-connection';

/**
 * "Create stream" on the sink form: CreateStream with the form's connection settings (the same
 * rules as Test connection), then waits until the stream is ACTIVE. A stream created is recorded
 * in the audit trail as soon as AWS accepted it (even if it then fails to become ACTIVE in time); an
 * AWS failure is a result, as with Test connection.
 */
export async function createSinkStream(input: CreateStreamInput, by: string): Promise<StreamCreation> {
  const connection = await resolveSinkConnection(input);
  const capacity: StreamCapacity =
    input.capacityMode === 'provisioned'
      ? { mode: 'provisioned', shardCount: input.shardCount ?? 1 }
      : { mode: 'on-demand' };
  const onCreated = () =>
    recordStreamCreated(database(), {
      streamArn: connection.streamArn,
      streamName: streamNameOf(connection),
      capacity,
      by,
    });
  return createStreamAndWait(connection, { capacity, onCreated });
}

function streamNameOf(connection: KinesisConnection): string {
  return parseStreamArn(connection.streamArn)?.streamName ?? connection.streamArn;
}
