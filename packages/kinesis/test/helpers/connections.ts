import type { KinesisConnection } from '../../src';

export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';

/** A sink pointing at `endpoint`, with a stream name and region a message should mention. */
export function ordersConnection(
  endpoint: string,
  overrides: Partial<KinesisConnection> = {},
): KinesisConnection {
  return {
    streamArn: 'arn:aws:kinesis:eu-west-2:123456789012:stream/orders',
    region: 'eu-west-2',
    endpoint,
    credentials: { accessKeyId: 'AKIATESTKEY', secretAccessKey: SECRET },
    requestTimeoutMs: 2_000,
    ...overrides,
  };
}

export function records(count: number): { data: Buffer; partitionKey: string }[] {
  return Array.from({ length: count }, (_, index) => ({
    data: Buffer.from(JSON.stringify({ id: index })),
    partitionKey: `order-${index}`,
  }));
}
