import { z } from 'zod';

export const STREAM_ARN_FORMAT = 'arn:aws:kinesis:<region>:<account-id>:stream/<stream-name>';

// Partitions other than `aws` (China, GovCloud) use the same shape with another prefix.
const STREAM_ARN_PATTERN =
  /^arn:(aws|aws-cn|aws-us-gov):kinesis:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):stream\/([A-Za-z0-9_.-]{1,128})$/;

export interface StreamArn {
  arn: string;
  partition: string;
  region: string;
  accountId: string;
  streamName: string;
}

/** Parses a Kinesis stream ARN, or returns null when it does not have the expected shape. */
export function parseStreamArn(value: string): StreamArn | null {
  const match = STREAM_ARN_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, partition, region, accountId, streamName] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { arn: value.trim(), partition, region, accountId, streamName };
}

export function describeInvalidStreamArn(value: string): string {
  return `"${value}" is not a Kinesis stream ARN: expected ${STREAM_ARN_FORMAT}, for example arn:aws:kinesis:us-east-1:123456789012:stream/orders`;
}

export const streamArnSchema = z.string().superRefine((value, ctx) => {
  if (!parseStreamArn(value)) ctx.addIssue({ code: 'custom', message: describeInvalidStreamArn(value) });
});
