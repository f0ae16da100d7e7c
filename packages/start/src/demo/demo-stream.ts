import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  type KinesisClient,
  ResourceInUseException,
} from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '@shardline/kinesis';
import { LOCAL_KINESIS_REGION } from '@shardline/local-kinesis';
import { DEMO_STREAM_NAME } from './demo-names';

const ACTIVE_TIMEOUT_MS = 30_000;

/** Creates the demo stream on the local emulator when missing; resolves with its ARN once ACTIVE. */
export async function ensureDemoStream(endpoint: string): Promise<{ streamArn: string; created: boolean }> {
  const client = createKinesisClient({
    streamArn: '',
    region: LOCAL_KINESIS_REGION,
    endpoint,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  try {
    let created = true;
    try {
      await client.send(new CreateStreamCommand({ StreamName: DEMO_STREAM_NAME, ShardCount: 2 }));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      created = false;
    }
    return { streamArn: await waitUntilActive(client), created };
  } finally {
    client.destroy();
  }
}

async function waitUntilActive(client: KinesisClient): Promise<string> {
  const deadline = Date.now() + ACTIVE_TIMEOUT_MS;
  for (;;) {
    const { StreamDescriptionSummary: summary } = await client.send(
      new DescribeStreamSummaryCommand({ StreamName: DEMO_STREAM_NAME }),
    );
    if (summary?.StreamStatus === 'ACTIVE' && summary.StreamARN) return summary.StreamARN;
    if (Date.now() > deadline) {
      throw new Error(
        `the demo stream is still ${summary?.StreamStatus} after ${ACTIVE_TIMEOUT_MS / 1000} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
