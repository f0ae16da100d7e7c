import { KinesisClient } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export const TEST_REGION = 'us-east-1';

/**
 * The SDK's default handler speaks HTTP/2, which the local emulators do not; one attempt so a
 * test sees exactly what the server answered.
 */
export function createTestKinesisClient(
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string } = {
    accessKeyId: 'test',
    secretAccessKey: 'test',
  },
): KinesisClient {
  return new KinesisClient({
    endpoint,
    region: TEST_REGION,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler(),
    credentials,
  });
}
