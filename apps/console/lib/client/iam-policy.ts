/**
 * The IAM policy a sink needs on its stream (README, "IAM policy"), with the ARN filled in.
 * ListShards lets delivery keep a send budget per shard; the second statement is optional: it
 * lets the sink page's Stream tab read the records back. With `createStream` (the person chose to
 * create the stream from the form), a third statement allows that, and only that is what needs it.
 */
export function iamPolicyFor(streamArn: string, options: { createStream?: boolean } = {}): string {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'],
        Resource: streamArn,
      },
      {
        Sid: 'ReadBackInTheStreamTab',
        Effect: 'Allow',
        Action: ['kinesis:GetShardIterator', 'kinesis:GetRecords'],
        Resource: streamArn,
      },
      ...(options.createStream
        ? [
            {
              Sid: 'CreateTheStreamFromTheSinkForm',
              Effect: 'Allow',
              Action: ['kinesis:CreateStream', 'kinesis:DescribeStreamSummary'],
              Resource: streamArn,
            },
          ]
        : []),
    ],
  };
  return JSON.stringify(policy, null, 2);
}
