/**
 * The IAM policy a sink needs on its stream (README, "IAM policy"), with the ARN filled in. The
 * second statement is optional: it lets the sink page's Stream tab read the records back.
 */
export function iamPolicyFor(streamArn: string): string {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary'],
        Resource: streamArn,
      },
      {
        Sid: 'ReadBackInTheStreamTab',
        Effect: 'Allow',
        Action: ['kinesis:ListShards', 'kinesis:GetShardIterator', 'kinesis:GetRecords'],
        Resource: streamArn,
      },
    ],
  };
  return JSON.stringify(policy, null, 2);
}
