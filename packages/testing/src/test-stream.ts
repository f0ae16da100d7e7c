import { CreateStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { createTestKinesisClient, TEST_REGION } from './kinesis-client';
import { uniqueSuffix } from './unique-name';

export interface TestStream {
  streamName: string;
  streamArn: string;
  region: string;
}

export interface TestStreamOptions {
  /** Default 1. */
  shardCount?: number;
  /** Default: a unique `shardline-test-…` name, so tests sharing one emulator never collide. */
  name?: string;
}

const ACTIVE_TIMEOUT_MS = 30_000;

/** Creates a stream and resolves once it is ACTIVE. */
export async function createTestStream(
  endpoint: string,
  options: TestStreamOptions = {},
): Promise<TestStream> {
  const streamName = options.name ?? `shardline-test-${uniqueSuffix()}`;
  const client = createTestKinesisClient(endpoint);
  try {
    await client.send(
      new CreateStreamCommand({ StreamName: streamName, ShardCount: options.shardCount ?? 1 }),
    );
    const deadline = Date.now() + ACTIVE_TIMEOUT_MS;
    for (;;) {
      const { StreamDescriptionSummary: summary } = await client.send(
        new DescribeStreamSummaryCommand({ StreamName: streamName }),
      );
      if (summary?.StreamStatus === 'ACTIVE' && summary.StreamARN) {
        return { streamName, streamArn: summary.StreamARN, region: TEST_REGION };
      }
      if (Date.now() > deadline) {
        throw new Error(
          `stream ${streamName} is still ${summary?.StreamStatus} after ${ACTIVE_TIMEOUT_MS} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    client.destroy();
  }
}
