import { getSinkDeliveryConfig } from '@shardline/db';
import {
  type LatestStreamRecords,
  readLatestStreamRecords,
  StreamReadError,
  type StreamReadFailure,
} from '@shardline/kinesis';
import { z } from 'zod';
import { database } from '../database';
import { secretBox } from '../env';

/** Query string of GET …/stream-records. */
export const streamRecordsQuerySchema = z.object({
  limit: z.coerce
    .number({ message: 'limit must be a whole number from 1 to 200' })
    .int('limit must be a whole number from 1 to 200')
    .min(1, 'limit must be a whole number from 1 to 200')
    .max(200, 'limit must be a whole number from 1 to 200')
    .default(50),
});

/** The newest records of the sink's stream, or why they cannot be read (an answer, not an API error). */
export type SinkStreamRecords =
  | ({ ok: true } & LatestStreamRecords)
  | { ok: false; error: StreamReadFailure };

// A person is waiting on the page: fail sooner than a delivery would.
const READ_TIMEOUT_MS = 5_000;

/** Reads the sink's stream back with the sink's own endpoint and credentials. */
export async function readSinkStream(sinkId: string, limit: number): Promise<SinkStreamRecords> {
  const sink = await getSinkDeliveryConfig(database(), { secretBox: secretBox(), sinkId });
  try {
    const latest = await readLatestStreamRecords(
      {
        streamArn: sink.streamArn,
        region: sink.region,
        endpoint: sink.endpoint,
        credentials: sink.credentials,
        requestTimeoutMs: READ_TIMEOUT_MS,
      },
      { limit },
    );
    return { ok: true, ...latest };
  } catch (error) {
    if (error instanceof StreamReadError) return { ok: false, error: error.failure };
    throw error;
  }
}
