import { describe, expect, it } from 'vitest';
import { parseStreamArn, streamArnSchema } from '../src/stream-arn';

describe('stream ARN', () => {
  it('reads region, account and stream name from a valid ARN', () => {
    expect(parseStreamArn('arn:aws:kinesis:eu-west-1:123456789012:stream/orders-events')).toMatchObject({
      region: 'eu-west-1',
      accountId: '123456789012',
      streamName: 'orders-events',
    });
  });

  it.each([
    'orders',
    'arn:aws:sqs:us-east-1:123456789012:orders',
    'arn:aws:kinesis:us-east-1:1234:stream/orders',
    'arn:aws:kinesis::123456789012:stream/orders',
    'arn:aws:kinesis:us-east-1:123456789012:orders',
    'arn:aws:kinesis:us-east-1:123456789012:stream/',
  ])('rejects %s and names the expected format', (value) => {
    expect(parseStreamArn(value)).toBeNull();
    const result = streamArnSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(
      'arn:aws:kinesis:<region>:<account-id>:stream/<stream-name>',
    );
  });
});
