import type { ServerResponse } from 'node:http';
import { sendJson } from './http-util';
import { type MaxRecordSizeKiB, serveKinesisOperations, streamSummaryAnswer } from './kinesis-endpoint';

export interface NoopKinesis {
  endpoint: string;
  /** Records acknowledged by PutRecords so far. */
  recordsReceived(): number;
  /** Every record accepted, in order, when started with `keepRecords`. */
  records(): Array<{ partitionKey: string; data: string }>;
  stop(): Promise<void>;
}

export interface NoopKinesisOptions {
  /** Reported by DescribeStreamSummary as MaxRecordSizeInKiB (for every stream, or by stream name). */
  maxRecordSizeKiB?: MaxRecordSizeKiB;
  /**
   * Keep every record, for tests whose volume kinesis-local cannot take (it slows to a few
   * dozen records a second once it holds tens of thousands).
   */
  keepRecords?: boolean;
}

const SHARD_ID = 'shardId-000000000000';
// Each record carries exactly one; a partition key containing it is JSON-escaped (\"), so it cannot match.
const RECORD_MARKER = Buffer.from('"PartitionKey"');

/**
 * Accepts everything as fast as it can, so a benchmark measures the engine, not the emulator
 * (kinesis-local manages a few hundred records a second).
 */
export async function startNoopKinesis(options: NoopKinesisOptions = {}): Promise<NoopKinesis> {
  let received = 0;
  let sequence = 0;
  const kept: Array<{ partitionKey: string; data: string }> = [];

  // Counting markers instead of JSON.parse keeps a 500-record request at a few microseconds.
  const putRecords = (body: Buffer, response: ServerResponse) => {
    const results: string[] = [];
    for (let at = body.indexOf(RECORD_MARKER); at !== -1; at = body.indexOf(RECORD_MARKER, at + 1)) {
      sequence += 1;
      // Fixed width keeps the numbers increasing as strings too, like real sequence numbers.
      results.push(`{"SequenceNumber":"${String(sequence).padStart(56, '0')}","ShardId":"${SHARD_ID}"}`);
    }
    received += results.length;
    if (options.keepRecords) {
      const request = JSON.parse(body.toString('utf8')) as {
        Records: Array<{ Data: string; PartitionKey: string }>;
      };
      for (const record of request.Records) {
        kept.push({
          partitionKey: record.PartitionKey,
          data: Buffer.from(record.Data, 'base64').toString('utf8'),
        });
      }
    }
    sendJson(response, 200, `{"FailedRecordCount":0,"Records":[${results.join(',')}]}`);
  };

  const describeStreamSummary = (body: Buffer, response: ServerResponse) => {
    sendJson(
      response,
      200,
      streamSummaryAnswer(body, {
        defaultName: 'noop',
        onDemand: false,
        openShardCount: 1,
        maxRecordSizeKiB: options.maxRecordSizeKiB,
      }),
    );
  };

  const server = await serveKinesisOperations(
    { PutRecords: putRecords, DescribeStreamSummary: describeStreamSummary },
    (_operation, response) => sendJson(response, 200, '{}'),
  );

  return {
    endpoint: server.endpoint,
    recordsReceived: () => received,
    records: () => [...kept],
    stop: () => server.stop(),
  };
}
