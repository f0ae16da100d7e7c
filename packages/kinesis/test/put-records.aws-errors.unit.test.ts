import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { createKinesisClient, type KinesisConnection, putRecords } from '../src';
import { ordersConnection, records, SECRET } from './helpers/connections';
import { awsError, type FakeKinesis, type FakeReply, startFakeKinesis } from './helpers/fake-kinesis';

let fake: FakeKinesis | undefined;
let client: KinesisClient | undefined;

afterEach(async () => {
  client?.destroy();
  await fake?.close();
});

/** Sends three records to an endpoint that answers every request with `reply`. */
async function sendThrough(reply: FakeReply, overrides: Partial<KinesisConnection> = {}) {
  fake = await startFakeKinesis(() => reply);
  const connection = ordersConnection(fake.endpoint, overrides);
  client = createKinesisClient(connection);
  return putRecords(client, connection, records(3));
}

/** The failure every record got; fails the test when records failed differently. */
function sharedFailure(outcomes: Awaited<ReturnType<typeof putRecords>>) {
  expect(outcomes).toHaveLength(3);
  const [first] = outcomes;
  if (!first || first.ok) throw new Error('expected every record to fail');
  expect(outcomes).toEqual([first, first, first]);
  return first.error;
}

describe('putRecords when Kinesis refuses the whole request', () => {
  it('explains access denied with the permissions to grant and the stream ARN', async () => {
    const error = sharedFailure(
      await sendThrough(
        awsError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/shardline is not authorized'),
      ),
    );
    expect(error.code).toBe('AccessDeniedException');
    expect(error.message).toContain('stream orders (eu-west-2)');
    expect(error.message).toContain('kinesis:PutRecords');
    expect(error.message).toContain('kinesis:DescribeStreamSummary');
    expect(error.message).toContain('arn:aws:kinesis:eu-west-2:123456789012:stream/orders');
    expect(error.message).toContain(
      '(AWS said: User: arn:aws:iam::123456789012:user/shardline is not authorized)',
    );
  });

  it('says where the stream was looked for when it does not exist', async () => {
    const error = sharedFailure(
      await sendThrough(
        awsError('ResourceNotFoundException', 'Stream orders under account 123456789012 not found.'),
      ),
    );
    expect(error).toMatchObject({ code: 'ResourceNotFoundException' });
    expect(error.message).toMatch(
      /^Stream orders was not found in region eu-west-2: check the stream ARN and region/,
    );
    expect(error.message).toContain('account 123456789012');
    expect(error.message).toContain('AWS said: Stream orders under account 123456789012 not found.');
  });

  it('explains throttling with the shard limits and promises a retry', async () => {
    const error = sharedFailure(
      await sendThrough(awsError('ProvisionedThroughputExceededException', 'Rate exceeded')),
    );
    expect(error).toMatchObject({ code: 'ProvisionedThroughputExceededException' });
    expect(error.message).toContain('Kinesis throttled the request');
    expect(error.message).toContain('1 MiB/s or 1,000 records/s per shard');
    expect(error.message).toContain('the records will be retried');
  });

  it('points at the credentials when Kinesis does not recognise them, without revealing the secret', async () => {
    const error = sharedFailure(
      await sendThrough({
        status: 403,
        json: {
          __type: 'UnrecognizedClientException',
          message: `The security token included in the request is invalid (${SECRET})`,
        },
      }),
    );
    expect(error).toMatchObject({ code: 'UnrecognizedClientException' });
    expect(error.message).toContain("check the sink's access key ID and secret access key");
    expect(error.message).toContain('The security token included in the request is invalid');
    expect(error.message).not.toContain(SECRET);
  });

  it('says expired credentials have to be renewed', async () => {
    const error = sharedFailure(
      await sendThrough(
        awsError('ExpiredTokenException', 'The security token included in the request is expired'),
      ),
    );
    expect(error).toMatchObject({ code: 'ExpiredTokenException' });
    expect(error.message).toContain('have expired');
    expect(error.message).toContain('stream orders (eu-west-2)');
  });

  it("names the stream's KMS key when encryption is refused", async () => {
    const error = sharedFailure(
      await sendThrough(
        awsError('KMSAccessDeniedException', 'User is not authorized to perform kms:GenerateDataKey'),
      ),
    );
    expect(error).toMatchObject({ code: 'KMSAccessDeniedException' });
    expect(error.message).toContain("the stream's KMS key");
    expect(error.message).toContain('kms:GenerateDataKey');
  });

  it('keeps an unfamiliar AWS error name and its text', async () => {
    const error = sharedFailure(await sendThrough(awsError('BrandNewException', 'something new went wrong')));
    expect(error).toMatchObject({ code: 'BrandNewException' });
    expect(error.message).toContain('stream orders (eu-west-2)');
    expect(error.message).toContain('AWS said: something new went wrong');
  });

  it('reports a server error without an error name as HTTP_<status> and retries it', async () => {
    const error = sharedFailure(await sendThrough({ status: 503, text: '' }));
    expect(error).toMatchObject({ code: 'HTTP_503' });
    expect(error.message).toContain('answered HTTP 503 Service Unavailable');
    expect(error.message).toContain(fake?.endpoint);
  });

  it('blames a proxy when something other than Kinesis answers with a page', async () => {
    const error = sharedFailure(
      await sendThrough({
        status: 403,
        text: '<html>Forbidden by corporate proxy</html>',
        contentType: 'text/html',
      }),
    );
    expect(error).toMatchObject({ code: 'HTTP_403' });
    expect(error.message).toContain('check that the endpoint is a Kinesis endpoint');
    expect(error.message).toContain('the body is not a Kinesis response');
    // What another server said is never quoted: it could be any page of the network.
    expect(error.message).not.toContain('<html>');
    expect(error.message).not.toContain('corporate proxy');
    expect(error.message).not.toContain('Deserialization error');
  });
});
