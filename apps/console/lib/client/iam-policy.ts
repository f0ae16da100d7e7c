/**
 * The IAM policy a sink needs on its stream (README, "IAM policy"), with the ARN filled in.
 * ListShards lets delivery keep a send budget per shard; the second statement is optional: it
 * lets the sink page's Stream tab read the records back. With `createStream` (the person chose to
 * create the stream from the form), a third statement allows that, and only that is what needs it.
 */
export function iamPolicyFor(
  streamArn: string,
  options: { createStream?: boolean; routedStreamArns?: readonly string[] } = {},
): string {
  // A routing function's streams need the same grants as the sink's own.
  const routed = [...new Set(options.routedStreamArns ?? [])].filter((arn) => arn !== streamArn);
  const streams = routed.length > 0 ? [streamArn, ...routed] : streamArn;
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['kinesis:PutRecords', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards'],
        Resource: streams,
      },
      {
        Sid: 'ReadBackInTheStreamTab',
        Effect: 'Allow',
        Action: ['kinesis:GetShardIterator', 'kinesis:GetRecords'],
        Resource: streams,
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

/**
 * A whole stream ARN in a routing function's code; one it builds at run time (`stream/orders-${…}`)
 * cannot be seen, and its prefix is not taken for a stream.
 */
const STREAM_ARN_IN_CODE = /arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\d{12}:stream\/[A-Za-z0-9_.-]+(?![\w.$-])/g;

/** The stream ARNs written out in a routing function's code, in order, each once. */
export function streamArnsIn(routingSource: string): string[] {
  return [...new Set(routingSource.match(STREAM_ARN_IN_CODE) ?? [])];
}

/** An ARN with `*` or `?` in its region, account or name: IAM matches many streams with it. */
const STREAM_ARN_PATTERN = /^arn:aws[a-z-]*:kinesis:[a-z0-9*?-]+:(\d{12}|\*):stream\/[A-Za-z0-9_.*?-]+$/;
const STREAM_ARN_EXACT = /^arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\d{12}:stream\/[A-Za-z0-9_.-]+$/;

export interface OtherStreams {
  arns: string[];
  /** Wildcard ARNs: granted only once the person confirms what they cover. */
  patterns: string[];
  /** Entries that are neither: said back, never put in the policy. */
  invalid: string[];
}

/** The streams a person lists beside the function (those it builds at run time), comma- or space-separated. */
export function parseOtherStreams(text: string): OtherStreams {
  const entries = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  return {
    arns: entries.filter((entry) => STREAM_ARN_EXACT.test(entry)),
    patterns: entries.filter((entry) => !STREAM_ARN_EXACT.test(entry) && STREAM_ARN_PATTERN.test(entry)),
    invalid: entries.filter((entry) => !STREAM_ARN_EXACT.test(entry) && !STREAM_ARN_PATTERN.test(entry)),
  };
}
