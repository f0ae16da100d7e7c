import { type LatestStreamRecords, type StreamReadFailure } from '@shardline/kinesis';
import { z } from 'zod';
/** Query string of GET …/stream-records. */
export declare const streamRecordsQuerySchema: z.ZodObject<
  {
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
  },
  z.core.$strip
>;
/** The newest records of the sink's stream, or why they cannot be read (an answer, not an API error). */
export type SinkStreamRecords =
  | ({
      ok: true;
    } & LatestStreamRecords)
  | {
      ok: false;
      error: StreamReadFailure;
    };
/** Reads the sink's stream back with the sink's own endpoint and credentials. */
export declare function readSinkStream(sinkId: string, limit: number): Promise<SinkStreamRecords>;
