import { recordStreamCreated } from '@shardline/db';
import { createStreamAndWait, type StreamCapacity, type StreamCreation } from '@shardline/kinesis';
import { database } from '../database';
import type { CreateStreamInput } from './create-stream-input';
import { resolveSinkConnection } from './sink-connection';

/**
 * "Create stream" on the sink form: CreateStream with the form's connection settings (the same
 * rules as Test connection), then waits until the stream is ACTIVE. A stream created is recorded
 * in the audit trail; an AWS failure is a result, as with Test connection.
 */
export async function createSinkStream(input: CreateStreamInput, by: string): Promise<StreamCreation> {
  const connection = await resolveSinkConnection(input);
  const capacity: StreamCapacity =
    input.capacityMode === 'provisioned'
      ? { mode: 'provisioned', shardCount: input.shardCount ?? 1 }
      : { mode: 'on-demand' };
  const result = await createStreamAndWait(connection, { capacity });
  if (result.ok && result.created) {
    await recordStreamCreated(database(), {
      streamArn: connection.streamArn,
      streamName: result.stream.name,
      capacity,
      by,
    });
  }
  return result;
}
