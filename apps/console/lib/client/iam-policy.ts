/** The IAM policy a sink needs on its stream (README, "IAM policy"), with the ARN filled in. */
export function iamPolicyFor(streamArn: string): string {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary'],
        Resource: streamArn,
      },
    ],
  };
  return JSON.stringify(policy, null, 2);
}
