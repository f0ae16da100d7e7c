import { describe, expect, it } from 'vitest';
import { iamPolicyFor, parseOtherStreams, streamArnsIn } from '../lib/client/iam-policy';

const ARN = 'arn:aws:kinesis:eu-west-2:123456789012:stream/orders';

describe('the IAM policy shown on the sink form', () => {
  it('grants delivery what it calls on the stream, ListShards included, for this stream only', () => {
    const policy = JSON.parse(iamPolicyFor(ARN)) as {
      Statement: Array<{ Sid?: string; Action: string[]; Resource: string }>;
    };
    const [delivery, readBack] = policy.Statement;
    expect(delivery?.Action).toEqual([
      'kinesis:PutRecords',
      'kinesis:DescribeStreamSummary',
      'kinesis:ListShards',
    ]);
    expect(delivery?.Resource).toBe(ARN);
    // The optional read-back statement adds only what reading records needs beyond that.
    expect(readBack?.Sid).toBe('ReadBackInTheStreamTab');
    expect(readBack?.Action).toEqual(['kinesis:GetShardIterator', 'kinesis:GetRecords']);
    expect(readBack?.Resource).toBe(ARN);
  });
});

describe('the IAM policy when the person creates the stream from the form', () => {
  it('adds CreateStream (with DescribeStreamSummary) only then, in a statement of its own', () => {
    const statementsOf = (createStream: boolean) =>
      (
        JSON.parse(iamPolicyFor(ARN, { createStream })) as {
          Statement: Array<{ Sid?: string; Action: string[] }>;
        }
      ).Statement;
    expect(JSON.stringify(statementsOf(false))).not.toContain('kinesis:CreateStream');
    const withCreate = statementsOf(true);
    expect(withCreate).toHaveLength(3);
    expect(withCreate[2]).toMatchObject({
      Sid: 'CreateTheStreamFromTheSinkForm',
      Action: ['kinesis:CreateStream', 'kinesis:DescribeStreamSummary'],
      Resource: ARN,
    });
  });
});

describe('the IAM policy of a sink with a routing function', () => {
  it('grants the same on every stream ARN written in the function, and on the sink stream', () => {
    const eu = 'arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu';
    const us = 'arn:aws:kinesis:us-east-1:123456789012:stream/orders-us';
    const routing = `(message) => message.record.region === 'eu' ? '${eu}' : { streamArn: "${us}" }`;
    expect(streamArnsIn(routing)).toEqual([eu, us]);
    const policy = JSON.parse(iamPolicyFor(ARN, { routedStreamArns: streamArnsIn(routing) })) as {
      Statement: Array<{ Resource: string | string[] }>;
    };
    for (const statement of policy.Statement) expect(statement.Resource).toEqual([ARN, eu, us]);
    expect(
      streamArnsIn(`(message) => \`arn:aws:kinesis:eu-west-1:123456789012:stream/orders-\${message.table}\``),
    ).toEqual([]);
  });
});

describe('the streams a routing function builds at run time', () => {
  it('tells whole ARNs from patterns, and says back what is neither', () => {
    expect(
      parseOtherStreams(
        'arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu, arn:aws:kinesis:*:123456789012:stream/orders-* orders-us',
      ),
    ).toEqual({
      arns: ['arn:aws:kinesis:eu-west-1:123456789012:stream/orders-eu'],
      patterns: ['arn:aws:kinesis:*:123456789012:stream/orders-*'],
      invalid: ['orders-us'],
    });
    expect(parseOtherStreams('  ')).toEqual({ arns: [], patterns: [], invalid: [] });
  });
});
